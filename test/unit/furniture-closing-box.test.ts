import { describe, expect, it } from 'vitest';
import { cleanedText as cleaned, prose } from '../helpers/furniture.ts';

const article = Array.from({ length: 8 }, (_, i) => prose(i + 1)).join('');

const box = (call: string) => `<div><h3>Independent reporting</h3>
  <p>For many years our newsroom has reported on the town and the valley, and readers like you make that work possible.</p>
  <ul><li>Every story, without limits</li><li>A letter from the editors each week</li></ul>
  <p><a href="/join">${call}</a></p></div>`;

describe('a membership or donation box closing the article', () => {
  it('goes as a whole, heading, pitch and perks with the call', () => {
    for (const call of ['Become a member', 'Hazte miembro', 'Hágase miembro ahora', 'Werde Mitglied', 'Abonniere unseren Newsletter']) {
      const text = cleaned(article + box(call));
      expect(text, call).not.toMatch(/Independent reporting|our newsroom|without limits|letter from the editors/);
      expect(text, call).not.toContain(call);
      expect(text).toContain('Paragraph 8 of the article');
    }
  });

  it('keeps the box around the call when the article goes on after it, or when the box is much of the article', () => {
    const after = cleaned(article + box('Become a member') + prose(9));
    expect(after).toContain('our newsroom');
    expect(after).toContain('Paragraph 9 of the article');
    const large = cleaned(`${prose(1)}${prose(2)}${box('Become a member')}`);
    expect(large).toContain('our newsroom');
  });

  it('knows the other calls to join or subscribe it adds', () => {
    for (const call of ['Apóyanos', 'Únete a nuestra comunidad de lectores', 'Zapraszamy też do subskrypcji tygodnika', 'Unterstütze uns']) {
      expect(cleaned(`${article}<p>${call}</p>`), call).not.toContain(call);
    }
  });

  it("takes a pitch for the publisher's own newsletter, with the box it stands in, and keeps a report on someone else's", () => {
    const pitch = `<div><p>Anmeldung zum Kurier-Newsletter</p><hr>
      <p>Mit unserem kostenlosen Newsletter erhalten Sie täglich einen Überblick über die Nachrichten aus dem Kreis.<br><br><a href="/newsletter">zur Anmeldung</a></p></div>`;
    const text = cleaned(article + pitch);
    expect(text).not.toMatch(/Newsletter|Anmeldung/);
    expect(text).toContain('Paragraph 8 of the article');
    for (const call of ['Sign up to our free weekly newsletter.', 'Inscrivez vous à notre newsletter quotidienne.']) {
      expect(cleaned(`${article}<p>${call}</p>`), call).not.toContain(call);
    }
    const report = 'The ministry said its newsletter would no longer be printed.';
    expect(cleaned(`${article}<p>${report}</p>`)).toContain(report);
  });
});
