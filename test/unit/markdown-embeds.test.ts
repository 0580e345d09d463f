import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../src/core/extract.ts';
import { sanitizeHtml } from '../../src/core/sanitize.ts';
import { toMarkdown } from '../../src/core/markdown.ts';
import { embedKind } from '../../src/core/embed-kinds.ts';
import { fixtureDocument } from '../helpers/fixtures.ts';

const BASE = 'https://spanandbeam.example/2026/04/footbridge-load-test';
const doc = new JSDOM('', { url: BASE }).window.document;
const clean = (source: string): string => sanitizeHtml(source, BASE, doc);

function markdown(source: string): string {
  const holder = doc.createElement('div');
  holder.innerHTML = clean(source);
  return toMarkdown(holder);
}

describe('embedded players, known by the shape of their URL', () => {
  it.each([
    ['https://www.youtube.com/embed/Xb7Rq2LmN0s?rel=0', 'https://www.youtube.com/watch?v=Xb7Rq2LmN0s'],
    ['https://www.youtube-nocookie.com/embed/Xb7Rq2LmN0s?start=30', 'https://www.youtube.com/watch?v=Xb7Rq2LmN0s&t=30'],
    ['https://www.youtube.com/embed/videoseries?list=PL123abc', 'https://www.youtube.com/playlist?list=PL123abc'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', 'https://vimeo.com/76979871/8272103f6e'],
    ['https://www.dailymotion.com/embed/video/x8abc12', 'https://www.dailymotion.com/video/x8abc12'],
    ['https://player.twitch.tv/?video=v123456&parent=example.com', 'https://www.twitch.tv/videos/123456'],
    ['https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fcity%2Ftalk', 'https://soundcloud.com/city/talk'],
    ['https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk?utm_source=generator', 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk'],
    ['https://embed.podcasts.apple.com/us/podcast/bridges/id123', 'https://podcasts.apple.com/us/podcast/bridges/id123'],
    // an oEmbed proxy that names the video it shows
    ['https://cdn.embedly.com/widgets/media.html?src=x&url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DXb7Rq2LmN0s', 'https://www.youtube.com/watch?v=Xb7Rq2LmN0s'],
  ])('%s plays %s', (src, href) => {
    expect(embedKind(src)?.href).toBe(href);
  });

  it('knows nothing of other frames, nor of a player host\'s other pages', () => {
    for (const src of ['https://charts.example.org/embed/1', 'https://www.youtube.com/subscribe_embed?channel=x', 'https://www.facebook.com/plugins/like.php?href=https%3A%2F%2Fa.test', 'javascript:alert(1)']) {
      expect(embedKind(src), src).toBeNull();
    }
  });
});

describe('embeds in the body', () => {
  it('writes a known player as a link with its title, in Markdown and in the HTML body, and no frame survives', () => {
    const frame = '<p>The test:</p><iframe width="560" height="315" src="https://www.youtube.com/embed/Xb7Rq2LmN0s" title="Load test of the new bridge" allowfullscreen></iframe>';
    expect(markdown(frame)).toBe('The test:\n\n[Load test of the new bridge](https://www.youtube.com/watch?v=Xb7Rq2LmN0s)');
    expect(clean(frame)).toBe('<p>The test:</p><p><a href="https://www.youtube.com/watch?v=Xb7Rq2LmN0s">Load test of the new bridge</a></p>');
  });

  it('names a player without a title of its own (or titled only "YouTube video player") by its kind', () => {
    expect(markdown('<iframe src="https://player.vimeo.com/video/76979871"></iframe>')).toBe('[Vimeo video](https://vimeo.com/76979871)');
    expect(markdown('<iframe src="https://www.youtube.com/embed/Xb7Rq2LmN0s" title="YouTube video player"></iframe>')).toBe('[YouTube video](https://www.youtube.com/watch?v=Xb7Rq2LmN0s)');
    expect(markdown('<iframe src="about:blank" data-src="https://open.spotify.com/embed/show/5abc" title="Spotify Embed: Bridges"></iframe>')).toBe('[Spotify Embed: Bridges](https://open.spotify.com/show/5abc)');
  });

  it('links an embed of unknown kind to its src when it has a title, else leaves nothing', () => {
    expect(markdown('<p>Chart:</p><iframe src="https://charts.example.org/embed/deflection" title="Deflection by span"></iframe>'))
      .toBe('Chart:\n\n[Deflection by span](https://charts.example.org/embed/deflection)');
    expect(markdown('<p>Poll:</p><iframe src="https://widgets.example.net/poll/77"></iframe>')).toBe('Poll:');
  });

  it('leaves nothing of hidden frames, ads, or frames that are not a web address', () => {
    for (const frame of [
      '<iframe src="https://www.youtube.com/embed/Xb7Rq2LmN0s" title="Hidden" style="display: none"></iframe>',
      '<iframe src="https://tracker.example/ns.html" title="Tag manager" width="0" height="0"></iframe>',
      '<iframe src="https://ads.example/slot" title="3rd party ad content" id="google_ads_iframe_1"></iframe>',
      '<iframe src="data:text/html,<p>framed</p>" title="a frame"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>" title="a srcdoc frame"></iframe>',
      '<iframe src="javascript:alert(1)" title="a script"></iframe>',
    ]) {
      expect(clean(`<p>Text.</p>${frame}`), frame).toBe('<p>Text.</p>');
    }
  });
});

describe('the fixture article\'s embeds', () => {
  const article = extract(fixtureDocument('body-constructs.html', BASE), BASE, { now: '2026-04-05' });

  it('survive Readability and become links: video, audio, a titled chart; an untitled widget leaves nothing', () => {
    expect(article.body).toContain('the deck settling:\n\n[Load test of the new bridge](https://www.youtube.com/watch?v=Xb7Rq2LmN0s&t=30)\n\n');
    expect(article.body).toContain("on the city's radio:\n\n[Interview with the engineer in charge](https://soundcloud.com/city-radio/footbridge-interview)\n\n");
    expect(article.body).toContain('in the chart below:\n\n[Deflection under load, by span](https://charts.example.org/embed/deflection-2026)\n\n');
    expect(article.body).not.toContain('widgets.example.net');
  });

  it('keeps the quoted post, the table and the code as they came through before', () => {
    expect(article.body).toContain('> The new footbridge passed its load test today: 40 tonnes of water and it bent less than the model said.\n>\n> — City Works (@cityworks) [April 2, 2026](https://twitter.com/cityworks/status/1775000000000000000)');
    expect(article.body).toMatch(/^\| Load \(kN\/m\) \| Predicted \(mm\) \| Measured \(mm\) \|$/m);
    expect(article.body).toContain('```python\ndef deflection(w, L, E, I):\n    return 5 * w * L**4 / (384 * E * I)\n```');
  });
});

describe("the page's own video and audio", () => {
  it('become links to their files, titled as the page titled them, without their fallback text', () => {
    const md = markdown('<p>Before.</p><video src="/media/load test (1).mp4" controls>Your browser does not support the video tag.</video>'
      + '<audio title="The engineer [interview]"><source src="https://cdn.spanandbeam.example/talk.mp3" type="audio/mpeg">Ihr Browser unterstützt kein Audio.</audio><p>After.</p>');
    expect(md).toBe('Before.\n\n[Video](https://spanandbeam.example/media/load%20test%20\\(1\\).mp4)\n\n'
      + '[The engineer \\[interview\\]](https://cdn.spanandbeam.example/talk.mp3)\n\nAfter.');
  });

  it('leave nothing when they play no web address, and a canvas leaves no fallback text', () => {
    const md = markdown('<p>Before.</p><video>Your browser does not support the video tag.</video><canvas>Chart of the load test</canvas><p>After.</p>');
    expect(md).toBe('Before.\n\nAfter.');
  });
});
