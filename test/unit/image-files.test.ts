import { describe, expect, it } from 'vitest';
import { imageExtension, imageFileName } from '../../src/core/image-names.ts';
import { localizeImages } from '../../src/core/image-links.ts';
import { isSafeSvg } from '../../src/core/svg-safety.ts';
import { bundlePaths, localizeArticle } from '../../src/core/bundle.ts';
import { parse, write } from '../../src/core/frontmatter.ts';
import type { ArticleFile } from '../../src/core/article.ts';

describe('imageFileName', () => {
  it('takes the URL\'s last segment, decoded and made safe for a Markdown link', () => {
    const taken = new Set<string>();
    expect(imageFileName('https://cdn.test/a/b/Bridge%20at%20Dusk(1).JPG?w=800', 'image/jpeg', taken)).toBe('Bridge-at-Dusk-1.jpg');
    expect(imageFileName('https://cdn.test/x/caf%C3%A9.png', 'image/png', taken)).toBe('café.png');
  });

  it('adds the extension of the response type when the URL has none or another one', () => {
    const taken = new Set<string>();
    expect(imageFileName('https://cdn.test/image/12345', 'image/webp', taken)).toBe('12345.webp');
    expect(imageFileName('https://cdn.test/photo.php?id=3', 'image/png; charset=binary', taken)).toBe('photo.png');
    expect(imageFileName('https://cdn.test/p.jpeg', 'image/jpeg', taken)).toBe('p.jpeg');
    expect(imageFileName('data:image/png;base64,AAAA', 'image/png', taken)).toBe('image.png');
  });

  it('numbers clashes -2, -3, without regard to case', () => {
    const taken = new Set<string>();
    expect(imageFileName('https://a.test/photo.jpg', 'image/jpeg', taken)).toBe('photo.jpg');
    expect(imageFileName('https://b.test/PHOTO.jpg', 'image/jpeg', taken)).toBe('PHOTO-2.jpg');
    expect(imageFileName('https://c.test/photo.jpg', 'image/jpeg', taken)).toBe('photo-3.jpg');
  });

  it('never gives a hidden, empty, over-long or device name', () => {
    const taken = new Set<string>();
    expect(imageFileName('https://a.test/.hidden.png', 'image/png', taken)).toBe('hidden.png');
    expect(imageFileName('https://a.test/', 'image/gif', taken)).toBe('image.gif');
    expect(imageFileName('https://a.test/con.png', 'image/png', taken)).toBe('con_.png');
    expect(imageFileName(`https://a.test/${'x'.repeat(300)}.png`, 'image/png', taken)).toBe(`${'x'.repeat(80)}.png`);
  });

  it('knows which types are images worth keeping', () => {
    expect(imageExtension('image/svg+xml')).toBe('svg');
    expect(imageExtension('text/html; charset=utf-8')).toBeNull();
  });
});

describe('localizeImages', () => {
  const local = new Map([['https://cdn.test/a.jpg?x=1&y=2', 'a.jpg'], ['https://cdn.test/b(1).png', 'b-1.png']]);

  it('points Markdown image links, with or without a title, at the local files', () => {
    const body = '![A](https://cdn.test/a.jpg?x=1&y=2)\n\n![B](https://cdn.test/b(1).png "Title")\n\n![C](https://cdn.test/c.jpg)';
    expect(localizeImages(body, 'markdown', local)).toBe('![A](a.jpg)\n\n![B](b-1.png "Title")\n\n![C](https://cdn.test/c.jpg)');
  });

  it('does not touch an address that only starts like a saved one', () => {
    expect(localizeImages('![A](https://cdn.test/a.jpg?x=1&y=2&z=3)', 'markdown', local)).toBe('![A](https://cdn.test/a.jpg?x=1&y=2&z=3)');
  });

  it('rewrites HTML img src, drops its srcset, and the sources of its picture', () => {
    const body = '<p><img src="https://cdn.test/a.jpg?x=1&amp;y=2" srcset="https://cdn.test/a-2.jpg 2x" sizes="100vw" alt="A"></p>'
      + '<picture><source srcset="https://cdn.test/b.webp 800w" type="image/webp"><img src="https://cdn.test/b(1).png"></picture>'
      + '<img src="https://cdn.test/c.jpg" srcset="https://cdn.test/c2.jpg 2x">';
    expect(localizeImages(body, 'html', local)).toBe('<p><img src="a.jpg" alt="A"></p>'
      + '<picture><img src="b-1.png"></picture>'
      + '<img src="https://cdn.test/c.jpg" srcset="https://cdn.test/c2.jpg 2x">');
  });
});

describe('isSafeSvg', () => {
  it('keeps a plain drawing, including references to its own parts', () => {
    expect(isSafeSvg('<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/><use href="#g"/></svg>')).toBe(true);
  });
  it.each([
    ['a script', '<svg><script>alert(1)</script></svg>'],
    ['an event handler', '<svg onload="alert(1)"></svg>'],
    ['an external image', '<svg><image href="https://tracker.test/p.png"/></svg>'],
    ['an xlink to elsewhere', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
    ['a style import', '<svg><style>@import "https://x.test/a.css";</style></svg>'],
    ['an external url() reference', '<svg><rect style="fill:url(https://x.test/f.svg#a)"/></svg>'],
    ['embedded HTML', '<svg><foreignObject><iframe src="https://x.test"></iframe></foreignObject></svg>'],
    ['an entity declaration', '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>'],
    ['no svg at all', '<html><body>not found</body></html>'],
  ])('refuses %s', (_name, text) => {
    expect(isSafeSvg(text)).toBe(false);
  });
});

describe('bundlePaths', () => {
  it('puts a downloaded or Hugo article in <name>/index.md with its images beside it', () => {
    expect(bundlePaths('nato-deal.md', 'bundle')).toEqual({ file: 'nato-deal/index.md', folder: 'nato-deal', linkPrefix: '' });
    expect(bundlePaths('2026/nato-deal.html', 'bundle')).toEqual({ file: '2026/nato-deal/index.html', folder: '2026/nato-deal', linkPrefix: '' });
    expect(bundlePaths('nato-deal/index.md', 'bundle')).toEqual({ file: 'nato-deal/index.md', folder: 'nato-deal', linkPrefix: '' });
  });
  it('puts a flat article beside a folder of the same name', () => {
    expect(bundlePaths('nato-deal.md', 'flat')).toEqual({ file: 'nato-deal.md', folder: 'nato-deal', linkPrefix: 'nato-deal/' });
  });
});

describe('localizeArticle', () => {
  const article: ArticleFile = {
    title: 'T', date: '2026-01-02', description: 'D', summary: 'D', slug: 't',
    image: 'https://cdn.test/lead-big.jpg', link: 'https://news.test/t', source: 'https://news.test/',
    categories: ['news.test'], tags: ['t'], draft: false,
    body: '![Lead](https://cdn.test/lead.jpg)\n\nText.\n\n![Other](https://cdn.test/other.jpg)',
  };

  it('names the lead image\'s local copy in `image` and changes nothing else but the links', () => {
    const saved = [{ src: 'https://cdn.test/lead.jpg', url: 'https://cdn.test/lead-big.jpg', name: 'lead-big.jpg' }];
    const out = localizeArticle(article, 'markdown', saved, '');
    expect(out).toEqual({ ...article, image: 'lead-big.jpg', body: '![Lead](lead-big.jpg)\n\nText.\n\n![Other](https://cdn.test/other.jpg)' });
    // The file stays valid and the reader reads back the relative name.
    expect(parse(write(out)).image).toBe('lead-big.jpg');
  });

  it('prefixes the folder in a flat layout, and keeps the URL of a lead image that was not saved', () => {
    const saved = [{ src: 'https://cdn.test/other.jpg', url: 'https://cdn.test/other.jpg', name: 'other.jpg' }];
    const out = localizeArticle(article, 'markdown', saved, 't/');
    expect(out.image).toBe('https://cdn.test/lead-big.jpg');
    expect(out.body).toContain('![Other](t/other.jpg)');
  });
});
