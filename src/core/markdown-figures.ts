import type TurndownService from 'turndown';

/** An emphasis delimiter the text does not use itself, so the italics cannot end early. */
function italic(line: string): string {
  // Already in italics, or a block of its own (a heading, a list, a quote, code, a table).
  if (/^([_*])(?!\1)[\s\S]*[^\s\\]\1$/.test(line) || /^(?:#{1,6} |[-*+] |\d+[.)] |> |```|~~~|\|)/.test(line)) return line;
  const mark = line.includes('_') && !line.includes('*') ? '*' : '_';
  return `${mark}${line}${mark}`;
}

/**
 * Markdown has no figure: the image (or table, or code) stays as it is, and the caption becomes
 * an italic line under it, one per paragraph of the caption.
 */
export function addFigureRules(service: TurndownService): void {
  service.addRule('figure', {
    filter: ['figure'],
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  service.addRule('figcaption', {
    filter: ['figcaption'],
    replacement: (content) => {
      const paragraphs = content.trim().split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
      return `\n\n${paragraphs.map(italic).join('\n\n')}\n\n`;
    },
  });
}
