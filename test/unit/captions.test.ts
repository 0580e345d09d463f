import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../src/core/extract.ts';
import { removeFurniture } from '../../src/core/boilerplate.ts';
import { toMarkdown } from '../../src/core/markdown.ts';
import { sanitizeElement } from '../../src/core/sanitize.ts';
import { fixtureDocument } from '../helpers/fixtures.ts';

const BASE = 'https://spanandbeam.example/2026/04/footbridge-load-test';

/** The furniture rules, then the Markdown converter, on a fragment of article HTML. */
function clipped(html: string): string {
  const doc = new JSDOM(`<body><div id="root">${html}</div></body>`, { url: BASE }).window.document;
  const root = doc.getElementById('root')!;
  removeFurniture(root);
  return toMarkdown(sanitizeElement(root, BASE, doc) as HTMLElement);
}

const prose = '<p>The deck was loaded with twenty water tanks, each holding two tonnes, while laser targets under it recorded how far it bent over six hours of testing.</p>';

describe('figure captions', () => {
  it('stay as an italic line under the image, which keeps its own alternative text', () => {
    expect(clipped(`${prose}<figure><img src="/dusk.jpg" alt="The footbridge lit from below"><figcaption>The bridge at dusk, seen from the east bank.</figcaption></figure>`))
      .toContain('![The footbridge lit from below](https://spanandbeam.example/dusk.jpg)\n\n_The bridge at dusk, seen from the east bank._');
  });

  it('still give an image without alternative text their words, without the credit', () => {
    expect(clipped(`${prose}<figure><img src="/tanks.jpg" alt=""><figcaption>Tanks along the deck. <span class="photo-credit">Photo: Tomas Berg</span></figcaption></figure>`))
      .toContain('![Tanks along the deck.](https://spanandbeam.example/tanks.jpg)\n\n_Tanks along the deck._');
    // A credit by its words alone, in an element with no name.
    const md = clipped(`${prose}<figure><img src="/crane.jpg" alt="Crane"><figcaption>The crane on its barge. <small>Photo: Tomas Berg</small></figcaption></figure>`);
    expect(md).toContain('_The crane on its barge._');
    expect(md).not.toContain('Tomas Berg');
  });

  it('leave out a caption that is only a credit, and do not make a credit the alternative text', () => {
    const md = clipped(`${prose}<figure><img src="/laser.jpg" alt=""><figcaption>Photo: Tomas Berg</figcaption></figure><figure><img src="/crane.jpg"><div class="image-credit">© City Works</div></figure>`);
    expect(md).not.toMatch(/Tomas Berg|City Works/);
    expect(md).toContain('![](https://spanandbeam.example/laser.jpg)');
  });

  it('leave out a credit set off by a bracket or by the stop before it, as in "(Foto: …)" or ". Imagen: …"', () => {
    const md = clipped(`${prose}<figure><img src="/pier.jpg" alt="Pier"><figcaption>. Imagen: Tomas Berg</figcaption></figure><div><img src="/deck.jpg" alt="Deck"><p>(Photo: City Works)</p></div>${prose}`);
    expect(md).not.toMatch(/Tomas Berg|City Works/);
    expect(md).toContain('![Pier](https://spanandbeam.example/pier.jpg)');
    expect(md).toContain('![Deck](https://spanandbeam.example/deck.jpg)');
  });

  it('keep a caption named by its class beside its image, and a numbered caption line ("Figure 2: …")', () => {
    const md = clipped(`${prose}<div class="wp-caption"><img src="/a.jpg" alt="Deck"><p class="wp-caption-text">Deck plates before welding.</p></div><p><img src="/b.jpg" alt="Graph"></p><p>Figure 2: Deflection against load for the main span.</p>${prose}`);
    expect(md).toContain('Deck plates before welding.');
    expect(md).toContain('Figure 2: Deflection against load for the main span.');
  });

  it('write a caption that has emphasis or several paragraphs as italics that cannot break', () => {
    const holder = new JSDOM('').window.document.createElement('div');
    holder.innerHTML = '<figure><img src="https://a.test/t.jpg" alt="T"><figcaption><p>The <em>Titanic</em> at dawn.</p><p>Second line.</p></figcaption></figure>';
    expect(toMarkdown(holder)).toBe('![T](https://a.test/t.jpg)\n\n*The _Titanic_ at dawn.*\n\n_Second line._');
  });
});

describe('the fixture article\'s figures', () => {
  const article = extract(fixtureDocument('body-constructs.html', BASE), BASE, { now: '2026-04-05' });

  it('keep their captions as lines under their images, and the credits out', () => {
    expect(article.body).toContain('![The footbridge lit from below](https://spanandbeam.example/img/footbridge-dusk.jpg)\n\n_The bridge at dusk, seen from the east bank._\n\n');
    expect(article.body).toContain('![Water tanks lined up along the deck before filling.](https://spanandbeam.example/img/tanks.jpg)\n\n_Water tanks lined up along the deck before filling._\n\n');
    expect(article.body).toContain('![Laser targets under the deck](https://spanandbeam.example/img/laser-targets.jpg)\n\n## The numbers');
    expect(article.body).not.toContain('Tomas Berg');
  });

  it('keep the caption in the HTML body\'s <figure>', () => {
    const html = extract(fixtureDocument('body-constructs.html', BASE), BASE, { now: '2026-04-05', body: 'html' }).body;
    expect(html).toMatch(/<figure>\s*<img src="https:\/\/spanandbeam\.example\/img\/footbridge-dusk\.jpg" alt="The footbridge lit from below">\s*<figcaption>The bridge at dusk, seen from the east bank\.\s*<\/figcaption><\/figure>/);
  });
});

describe('a credit written at the end of a caption', () => {
  it('is cut off after a stop, in brackets or after a dash, in the caption and its alternative text', () => {
    const md = clipped(`${prose}<figure><img src="/pumps.jpg" alt=""><figcaption>Pumps at dusk. Bild: <a href="https://photos.example/berg">A. Berg</a>/Stock</figcaption></figure>`
      + `<figure><img src="/pier.jpg" alt="Pier"><figcaption>The pier at low tide (Foto: City Works)</figcaption></figure>`
      + `<figure><img src="/gulls.jpg" alt="Gulls"><figcaption>Gulls over the deck – © Tomas Berg</figcaption></figure>${prose}`);
    expect(md).toContain('![Pumps at dusk.](https://spanandbeam.example/pumps.jpg)\n\n_Pumps at dusk._');
    expect(md).toContain('_The pier at low tide_');
    expect(md).toContain('_Gulls over the deck_');
    expect(md).not.toMatch(/Berg|City Works|Stock|©/);
  });

  it('leaves words that only look like a label inside the sentence, and a long tail that is prose', () => {
    const md = clipped(`${prose}<figure><img src="/a.jpg" alt="A"><figcaption>Das Bild: ein Kran am Ufer</figcaption></figure>`
      + `<figure><img src="/b.jpg" alt="B"><figcaption>The crane. Photo: taken at dawn from the east bank while the tanks were filled one by one, before the test began</figcaption></figure>${prose}`);
    expect(md).toContain('_Das Bild: ein Kran am Ufer_');
    expect(md).toContain('taken at dawn from the east bank');
  });
});

describe('a credit beside the caption\'s words, in an element of its own', () => {
  it('goes alone when a box in the caption holds both the credit and the words', () => {
    const words = 'Entrance | The east door stayed closed while the tanks were filled, so that the crews on the bank could not walk under the deck before the last laser target was read.';
    const md = clipped(`${prose}<figure><img src="/door.jpg" alt="Door"><figcaption><div><div class="image-copyright">© Tomas Berg / Stock (detail)</div><div class="image-text">${words}</div></div></figcaption></figure>${prose}`);
    expect(md).toContain(`_${words}_`);
    expect(md).not.toMatch(/Tomas Berg|©/);
    // A short box that starts with the label is the credit, its name in an element of its own too.
    const short = clipped(`${prose}<figure><img src="/crew.jpg" alt="Crew"><figcaption><div><p>The crew on the bank.</p></div><div class="foto">Foto: <div><p>WITTERS</p></div></div></figcaption></figure>${prose}`);
    expect(short).toContain('_The crew on the bank._');
    expect(short).not.toMatch(/WITTERS|Foto/);
  });

  it('goes alone from a caption line beside its image, and the line stays', () => {
    const md = clipped(`${prose}<div class="image-box"><img src="/map.jpg" alt=""><p class="to-image-box"><span class="copyright">Screenshot, City Works</span> Points of interest now show on the planning map.</p></div>${prose}`);
    expect(md).toContain('Points of interest now show on the planning map.');
    expect(md).not.toContain('City Works');
    // A line that is nothing but the credit still goes whole.
    const alone = clipped(`${prose}<div class="image-box"><img src="/map.jpg" alt=""><p><span class="copyright">Screenshot, City Works</span></p></div>${prose}`);
    expect(alone).not.toContain('City Works');
    expect(alone).toContain('![](https://spanandbeam.example/map.jpg)');
  });
});
