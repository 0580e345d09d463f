import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { pruneForReadability } from '../../src/core/prune.ts';

function pruned(body: string, head = ''): Document {
  const doc = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).window.document;
  pruneForReadability(doc);
  return doc;
}

describe('pruneForReadability', () => {
  it('takes code, styles, templates and links wherever they stand', () => {
    const doc = pruned('<p>Text<script>var x = 1;</script></p><style>p{}</style><template><p>t</p></template>',
      '<style>a{}</style><link rel="stylesheet" href="a.css"><script src="a.js"></script>');
    expect(doc.querySelectorAll('script, style, template, link')).toHaveLength(0);
    expect(doc.querySelector('p')?.textContent).toBe('Text');
  });

  it('keeps JSON-LD and TeX scripts', () => {
    const doc = pruned('<p>x<script type="math/tex; mode=display">a^2</script></p>', '<script type="application/ld+json">{}</script>');
    expect(Array.from(doc.querySelectorAll('script'), (s) => s.getAttribute('type'))).toEqual(['application/ld+json', 'math/tex; mode=display']);
  });

  it('takes icons but keeps a drawing inside a figure', () => {
    const doc = pruned('<a href="/"><svg id="icon"></svg>Home</a><figure><svg id="chart"></svg><figcaption>Chart</figcaption></figure>');
    expect(doc.getElementById('icon')).toBeNull();
    expect(doc.getElementById('chart')).not.toBeNull();
  });

  it('takes menus and hidden blocks unless they hold media', () => {
    const doc = pruned([
      '<nav id="menu"><a href="/">Home</a></nav>',
      '<div role="navigation" id="rolemenu"><a href="/">Home</a></div>',
      '<div hidden id="hidden">Secret</div>',
      '<div aria-hidden="true" id="aria">Decoration</div>',
      '<div hidden id="withimage"><span><img src="a.jpg" alt="a"></span></div>',
      '<nav id="withfigure"><figure><div aria-hidden="true" id="insidefigure">Credit</div></figure></nav>',
      '<p>Story</p>',
    ].join(''));
    for (const id of ['menu', 'rolemenu', 'hidden', 'aria']) expect(doc.getElementById(id), id).toBeNull();
    for (const id of ['withimage', 'withfigure', 'insidefigure']) expect(doc.getElementById(id), id).not.toBeNull();
    expect(doc.body.textContent).toContain('Story');
  });

  it("takes blocks hidden by a toolkit's hiding class, not ones hidden at one screen size", () => {
    const doc = pruned([
      '<div class="teaser d-none" id="bootstrap">Teaser</div>',
      '<div class="!hidden popup" id="tailwind">Your browser is out of date.</div>',
      '<span class="screen-reader-text" id="wordpress">Posted on</span>',
      '<div class="box hidden-xs" id="responsive">Shown on larger screens</div>',
      '<div class="d-md-none" id="small">Shown on small screens</div>',
      '<div class="d-none d-sm-block" id="bootstrapwide">Shown from a tablet on</div>',
      '<div class="hidden md:flex" id="tailwindwide">Shown from a tablet on</div>',
      '<p>Story</p>',
    ].join(''));
    for (const id of ['bootstrap', 'tailwind', 'wordpress']) expect(doc.getElementById(id), id).toBeNull();
    for (const id of ['responsive', 'small', 'bootstrapwide', 'tailwindwide']) expect(doc.getElementById(id), id).not.toBeNull();
  });

  it('leaves the head alone but for code and styles', () => {
    const doc = pruned('<p>x</p>', '<title>T</title><meta name="description" content="d">');
    expect(doc.title).toBe('T');
    expect(doc.querySelector('meta[name="description"]')).not.toBeNull();
  });
});
