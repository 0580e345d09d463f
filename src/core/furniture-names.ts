/**
 * What the names publishers give their elements (class and id) say about them: their words
 * (./name-words.ts) are looked up in small vocabularies of page furniture.
 */
import { nameWords, namesOf } from './name-words.ts';
import { shownAtSomeWidth } from './hiding-classes.ts';

export type FurnitureKind =
  | 'ad' | 'share' | 'subscribe' | 'related' | 'author' | 'meta' | 'tags' | 'comments' | 'rating'
  | 'navigation' | 'hidden' | 'consent' | 'widget' | 'caption' | 'credit';

const VOCABULARY: Record<FurnitureKind, string[]> = {
  ad: [
    'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'advertorial', 'adslot',
    'adsense', 'adunit', 'anzeige', 'werbung', 'sponsor', 'sponsored', 'sponsoring', 'promo', 'promoted',
    'affiliate', 'outbrain', 'taboola', 'plista', 'ligatus',
  ],
  share: [
    'share', 'shares', 'sharing', 'sharebar', 'sharebox', 'sharethis', 'addtoany', 'shariff', 'social',
    'socials', 'socialmedia', 'teilen',
  ],
  subscribe: [
    'newsletter', 'newsletters', 'signup', 'subscribe', 'subscription', 'subscriptions', 'paywall',
    'regwall', 'donate', 'donation', 'donations', 'spenden', 'cta', 'optin', 'leadgen', 'steady',
  ],
  related: [
    'related', 'relatedposts', 'recommended', 'recommendation', 'recommendations', 'teaser', 'teasers',
    'teasertext', 'readmore', 'suggested', 'suggestions', 'popular', 'trending', 'mostread', 'crosslink',
    'crosslinks', 'weiterlesen', 'morelinks', 'interesting',
  ],
  author: ['author', 'authors', 'autor', 'autoren', 'byline', 'bio', 'biography', 'authorbio', 'authorbox'],
  meta: [
    'meta', 'metadata', 'postmeta', 'postmetadata', 'entrymeta', 'dateline', 'date', 'datetime',
    'published', 'updated', 'timestamp', 'posted', 'postedon', 'readtime', 'readingtime', 'relativetime',
    'lastupdated',
  ],
  tags: ['tags', 'tag', 'taglist', 'tagcloud', 'categories', 'keywords', 'topics', 'schlagworte'],
  comments: [
    'comment', 'comments', 'kommentar', 'kommentare', 'respond', 'replies', 'disqus', 'akismet',
    'discussion',
  ],
  rating: ['rating', 'ratings', 'vote', 'votes', 'voting', 'stars', 'feedback', 'helpful'],
  navigation: [
    'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'nav', 'navigation', 'navbar', 'menu', 'toc',
    'backtotop', 'skiplink', 'skiplinks',
  ],
  hidden: [
    'hidden', 'hide', 'invisible', 'screenreader', 'offscreen',
    'noprint', 'loading', 'loader', 'spinner',
  ],
  consent: ['cookie', 'cookies', 'consent', 'gdpr', 'borlabs', 'cmp', 'embedconsent', 'privacywall'],
  widget: ['widget', 'widgets', 'sidebar', 'toolbar', 'popup', 'modal', 'overlay', 'alert', 'disclaimer', 'wishlist'],
  caption: ['caption', 'captions', 'figcaption', 'subcaption', 'legend', 'bildunterschrift'],
  credit: ['credit', 'credits', 'copyright', 'photographer', 'bildnachweis', 'fotonachweis', 'imagecredit'],
};

const KIND_OF = new Map<string, FurnitureKind>();
for (const [kind, words] of Object.entries(VOCABULARY) as [FurnitureKind, string[]][]) {
  for (const word of words) KIND_OF.set(word, kind);
}

/** Word pairs that name furniture only together (`sr-only`, `read-more`, `more-articles`). */
const PAIRS = new Map<string, FurnitureKind>([
  ['sr only', 'hidden'], ['visually hidden', 'hidden'], ['screen reader', 'hidden'], ['off screen', 'hidden'], ['d none', 'hidden'],
  ['read more', 'related'], ['more articles', 'related'], ['more stories', 'related'], ['more news', 'related'],
  ['more posts', 'related'], ['further reading', 'related'], ['see also', 'related'], ['most read', 'related'],
  ['print only', 'hidden'], ['table contents', 'navigation'], ['jump links', 'navigation'],
  ['about author', 'author'], ['reading time', 'meta'], ['read time', 'meta'], ['post info', 'meta'],
  ['entry footer', 'meta'], ['article footer', 'meta'], ['post footer', 'meta'], ['last updated', 'meta'],
]);

/** Names a CMS gives an article for its taxonomy (`tag-cooking`, `category-news`): no signal. */
const TAXONOMY_CLASS = /^(?:tag|tags|category|categories|format|type|status|comment-author|postid|post-id|page-id|has|topic)-/i;

/** `hidden-xs`, `is-hidden-md`: hidden at one screen size only, so shown at others. */
const BREAKPOINT_WORDS = new Set(['xs', 'sm', 'md', 'lg', 'xl', 'xxl', 'mobile', 'desktop', 'tablet', 'phone', 'small', 'medium', 'large', 'up', 'down']);

const NOT_HIDING = new Set(['label', 'title', 'heading', 'header', 'caption', 'icon', 'overflow', 'x', 'y', 'scroll', 'scrollbar', 'text']);

/**
 * On a picture (an `img`, or a link or box holding nothing but one), these words say how it is
 * shown, not what it is: a viewer that opens it large (`td-modal-image`, `overlayLink`), or the
 * element itself (`image-tag`, the `img` tag). On a box of text they name furniture as usual.
 */
const PICTURE_BEHAVIOUR = new Set(['modal', 'overlay', 'tag']);

const cache = new Map<string, FurnitureKind[]>();

function kindsOfName(name: string, picture = false): FurnitureKind[] {
  const key = picture ? `\u0000${name}` : name;
  const known = cache.get(key);
  if (known) return known;
  const kinds = new Set<FurnitureKind>();
  if (!TAXONOMY_CLASS.test(name)) {
    // A BEM modifier (`report__section--ads`) names a variant of a block, not what the block is.
    const words = nameWords(name.split('--')[0]!);
    const responsive = words.some((w) => BREAKPOINT_WORDS.has(w));
    for (let i = 0; i < words.length; i++) {
      const kind = picture && PICTURE_BEHAVIOUR.has(words[i]!) ? undefined : KIND_OF.get(words[i]!);
      // `label-hidden`, `overflow-hidden`: something else is hidden, or nothing is.
      const other = kind === 'hidden' && i > 0 && NOT_HIDING.has(words[i - 1]!);
      if (kind && !(kind === 'hidden' && (responsive || other))) kinds.add(kind);
      const pair = i + 1 < words.length ? PAIRS.get(`${words[i]} ${words[i + 1]}`) : undefined;
      if (pair && !(pair === 'hidden' && responsive)) kinds.add(pair);
    }
    // `print-only` is shown on paper alone; `no-print` is screen furniture.
    if (words.includes('print') && words.includes('only')) kinds.delete('hidden');
    if (words.join('') === 'noprint' || (words.includes('no') && words.includes('print'))) kinds.add('hidden');
  }
  const list = [...kinds];
  if (cache.size > 5000) cache.clear();
  cache.set(key, list);
  return list;
}

/**
 * The furniture kinds an element's class names and id point to (empty when none); `picture`: the
 * element is a picture or holds nothing else (see PICTURE_BEHAVIOUR).
 */
export function furnitureKinds(el: Element, picture = false): FurnitureKind[] {
  const names = namesOf(el);
  if (names.length === 0) return [];
  const kinds = new Set<FurnitureKind>();
  for (const name of names) for (const kind of kindsOfName(name, picture)) kinds.add(kind);
  // `d-none d-md-block`: hidden on a phone, shown from a tablet's width on.
  if (kinds.has('hidden') && shownAtSomeWidth(el)) kinds.delete('hidden');
  return [...kinds];
}
