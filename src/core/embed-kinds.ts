/**
 * Video and audio players that pages embed, known by the shape of their URL, and the address of
 * the same video or recording for a reader (the player page itself is made to sit in a frame).
 */

export interface EmbedKind {
  /** The player's name, for a link that has no title of its own. */
  name: string;
  medium: 'video' | 'audio';
  /** The reader's address of what the player plays. */
  href: string;
}

interface Player {
  name: string;
  medium: 'video' | 'audio';
  host: RegExp;
  /** The reader's address, or null when this URL of the host is not a player. */
  page: (url: URL) => string | null;
}

const param = (url: URL, name: string): string => url.searchParams.get(name) ?? '';
const segment = (url: URL, at: RegExp): string | null => at.exec(url.pathname)?.[1] ?? null;

function youtube(url: URL): string | null {
  const list = param(url, 'list');
  if (/^\/embed\/videoseries\/?$/.test(url.pathname)) return list ? `https://www.youtube.com/playlist?list=${encodeURIComponent(list)}` : null;
  const id = segment(url, /^\/(?:embed|v|shorts)\/([\w-]{6,})/) ?? (url.pathname === '/watch' ? param(url, 'v') : null);
  if (!id) return null;
  const watch = new URL('https://www.youtube.com/watch');
  watch.searchParams.set('v', id);
  const start = param(url, 'start') || param(url, 't');
  if (/^\d+s?$/.test(start)) watch.searchParams.set('t', start.replace(/s$/, ''));
  return watch.href;
}

function vimeo(url: URL): string | null {
  const id = segment(url, /^\/video\/(\d+)/) ?? segment(url, /^\/(\d+)(?:\/|$)/);
  if (!id) return null;
  // An unlisted video plays only with its key.
  const key = param(url, 'h');
  return `https://vimeo.com/${id}${/^\w+$/.test(key) ? `/${key}` : ''}`;
}

function twitch(url: URL): string | null {
  if (url.hostname === 'clips.twitch.tv') {
    const clip = param(url, 'clip');
    return clip ? `https://clips.twitch.tv/${encodeURIComponent(clip)}` : null;
  }
  const video = param(url, 'video').replace(/^v/, '');
  if (/^\d+$/.test(video)) return `https://www.twitch.tv/videos/${video}`;
  const channel = param(url, 'channel');
  return /^\w+$/.test(channel) ? `https://www.twitch.tv/${channel}` : null;
}

/** The player page itself, for services whose player has no other public address. */
const itself = (path: RegExp) => (url: URL): string | null => (path.test(url.pathname) ? url.href : null);

const PLAYERS: Player[] = [
  { name: 'YouTube', medium: 'video', host: /^(?:www\.|m\.)?youtube(?:-nocookie)?\.com$/, page: youtube },
  { name: 'YouTube', medium: 'video', host: /^youtu\.be$/, page: (url) => youtube(new URL(`https://www.youtube.com/embed${url.pathname}${url.search}`)) },
  { name: 'Vimeo', medium: 'video', host: /^player\.vimeo\.com$/, page: vimeo },
  {
    name: 'Dailymotion', medium: 'video', host: /^(?:www\.)?dailymotion\.com$|^geo\.dailymotion\.com$/,
    page: (url) => {
      const id = segment(url, /^\/embed\/video\/(\w+)/) ?? param(url, 'video');
      return /^\w+$/.test(id) ? `https://www.dailymotion.com/video/${id}` : null;
    },
  },
  { name: 'Twitch', medium: 'video', host: /^(?:player|clips)\.twitch\.tv$/, page: twitch },
  {
    name: 'TED', medium: 'video', host: /^embed\.ted\.com$/,
    page: (url) => (segment(url, /^\/talks\/([\w-]+)/) ? `https://www.ted.com${url.pathname}` : null),
  },
  {
    name: 'Internet Archive', medium: 'video', host: /^archive\.org$/,
    page: (url) => {
      const id = segment(url, /^\/embed\/([^/]+)/);
      return id ? `https://archive.org/details/${id}` : null;
    },
  },
  {
    name: 'Loom', medium: 'video', host: /^(?:www\.)?loom\.com$/,
    page: (url) => {
      const id = segment(url, /^\/embed\/(\w+)/);
      return id ? `https://www.loom.com/share/${id}` : null;
    },
  },
  { name: 'Wistia', medium: 'video', host: /^fast\.wistia\.(?:net|com)$/, page: itself(/^\/embed\//) },
  {
    name: 'Facebook', medium: 'video', host: /^(?:www\.)?facebook\.com$/,
    page: (url) => (url.pathname === '/plugins/video.php' && /^https:\/\/(?:www\.)?facebook\.com\//.test(param(url, 'href')) ? param(url, 'href') : null),
  },
  {
    name: 'SoundCloud', medium: 'audio', host: /^w\.soundcloud\.com$/,
    page: (url) => {
      if (!url.pathname.startsWith('/player')) return null;
      const track = param(url, 'url');
      return /^https:\/\/soundcloud\.com\//.test(track) ? track : url.href;
    },
  },
  {
    name: 'Spotify', medium: 'audio', host: /^open\.spotify\.com$/,
    page: (url) => {
      const m = /^\/embed(?:-podcast)?\/(track|album|playlist|episode|show|artist)\/(\w+)/.exec(url.pathname);
      return m ? `https://open.spotify.com/${m[1]}/${m[2]}` : null;
    },
  },
  {
    name: 'Apple Podcasts', medium: 'audio', host: /^embed\.podcasts\.apple\.com$/,
    page: (url) => `https://podcasts.apple.com${url.pathname}${url.search}`,
  },
  { name: 'Bandcamp', medium: 'audio', host: /^bandcamp\.com$/, page: itself(/^\/EmbeddedPlayer\//i) },
  { name: 'Mixcloud', medium: 'audio', host: /^(?:www\.|player-widget\.)?mixcloud\.com$/, page: itself(/^\/widget\/iframe\/?$/) },
];

/** Query parameters through which embedding services (oEmbed proxies) name the URL they show. */
const WRAPPED = ['url', 'src', 'href'];

function kindOfUrl(url: URL, depth: number): EmbedKind | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  for (const player of PLAYERS) {
    if (!player.host.test(host)) continue;
    const href = player.page(url);
    if (href) return { name: player.name, medium: player.medium, href };
  }
  if (depth > 0) return null;
  for (const name of WRAPPED) {
    const inner = url.searchParams.get(name);
    if (!inner || !/^(?:https?:)?\/\//i.test(inner)) continue;
    try {
      const kind = kindOfUrl(new URL(inner, url), depth + 1);
      if (kind) return kind;
    } catch {
      // not a URL: not a wrapper of one
    }
  }
  return null;
}

/** The kind of player an embed's absolute `src` is, or null when it is none this table knows. */
export function embedKind(src: string): EmbedKind | null {
  try {
    return kindOfUrl(new URL(src), 0);
  } catch {
    return null;
  }
}
