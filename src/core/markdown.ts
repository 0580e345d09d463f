import TurndownService from 'turndown';
import { isBlock } from './dom-measure.ts';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { addMathRule } from './markdown-math.ts';
import { addFigureRules } from './markdown-figures.ts';
import { addMediaRules } from './markdown-media.ts';
import { addFootnoteRule, takeFootnotes } from './markdown-footnotes.ts';

const LANGUAGE = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/i;

function languageOf(pre: Element): string {
  const code = pre.querySelector('code');
  const classes = `${code?.getAttribute('class') ?? ''} ${pre.getAttribute('class') ?? ''}`;
  return LANGUAGE.exec(classes)?.[1] ?? '';
}

/** Elements highlighters wrap each line of code in. */
const LINE_BLOCKS = new Set(['DIV', 'P']);

/**
 * A code block's text as it shows: `textContent`, but a `<br>` is a line break, and a block inside
 * the `<pre>` (a highlighter's `<div class="line">`) a line of its own. Pages write both; Turndown
 * reads only the text.
 */
function preText(pre: Element): string {
  let out = '';
  const breakLine = (): void => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName;
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    const block = LINE_BLOCKS.has(tag);
    if (block) breakLine();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) breakLine();
  };
  for (let child = pre.firstChild; child; child = child.nextSibling) walk(child);
  return out;
}

/** Do words follow `node` in its line's block (a line break at a paragraph's end breaks nothing)? */
function wordsFollow(node: Node): boolean {
  for (let at: Node | null = node; at !== null; at = at.parentNode) {
    for (let next = at.nextSibling; next !== null; next = next.nextSibling) if (/\S/.test(next.textContent ?? '')) return true;
    const parent = at.parentElement;
    if (parent === null || isBlock(parent)) return false;
  }
  return false;
}

/** The longest run of backticks inside the code decides the fence, so the block cannot end early. */
function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    fence: '```',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
  });
  service.use(gfm);
  // Turndown's own fenced rule reads only `language-*` on <code>; pages also write `lang-*`,
  // and put the class on <pre>.
  service.addRule('fencedCodeWithLanguage', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const pre = node as Element;
      const text = preText(pre).replace(/\n$/, '');
      const fence = fenceFor(text);
      return `\n\n${fence}${languageOf(pre)}\n${text}\n${fence}\n\n`;
    },
  });
  // Turndown writes emphasis with no words in it as nothing at all, and a line break inside it goes
  // too: `<strong>Title</strong><strong><br> </strong>by A. Berg` came out as "**Title**by A. Berg".
  service.addRule('emphasisWithoutWords', {
    filter: (node) => /^(?:STRONG|B|EM|I)$/.test(node.nodeName) && !/\S/.test(node.textContent ?? '')
      && node.querySelector('br') !== null && wordsFollow(node),
    replacement: (content) => content,
  });
  addFigureRules(service);
  addMediaRules(service);
  addMathRule(service);
  addFootnoteRule(service);
  // Turndown pads list markers to four columns (`-   item`); one space reads better and is what
  // people type. Continuation lines are indented to the item's text.
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node, options) => {
      const parent = node.parentNode as Element | null;
      let marker = `${options.bulletListMarker ?? '-'} `;
      if (parent?.nodeName === 'OL') {
        const start = Number.parseInt(parent.getAttribute('start') ?? '1', 10);
        marker = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const text = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n(?!$)/g, `\n${' '.repeat(marker.length)}`);
      return marker + text + (node.nextSibling && !text.endsWith('\n') ? '\n' : '');
    },
  });
  // A cell or row outside any table (invalid, but extractors can leave one) is a plain block;
  // the table rules would look for its table and fail.
  service.addRule('strayTablePart', {
    filter: (node) => /^(?:TD|TH|TR|THEAD|TBODY|TFOOT)$/.test(node.nodeName) && !node.closest('table'),
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  service.remove(['script', 'style', 'noscript']);
  // Turndown escapes Markdown's own syntax in text but not `<`, so an article quoting
  // "<script>" or "<img onerror=…>" would come out as raw HTML that Markdown renderers pass
  // through. A backslash keeps it the text it was on the page (code keeps its text unescaped).
  const escapeText = service.escape.bind(service);
  service.escape = (text: string) => escapeText(text).replace(/</g, '\\<');
  return service;
}

let service: TurndownService | undefined;

/**
 * Converts sanitized article HTML (an element, or a string) to Markdown: ATX headings, fenced
 * code with its language, `-` bullets, GitHub-flavoured tables and strikethrough, formulas as TeX,
 * footnotes as `[^n]`, captions as italic lines.
 */
export function toMarkdown(html: string | HTMLElement): string {
  const turndown = service ??= createService();
  const footnoted = typeof html === 'string' ? null : takeFootnotes(html, (note) => turndown.turndown(note as HTMLElement));
  let markdown = turndown.turndown(footnoted?.root as HTMLElement | undefined ?? html);
  if (footnoted?.definitions.length) markdown = `${markdown.trim()}\n\n${footnoted.definitions.join('\n\n')}`;
  // A no-break space that ended a paragraph on the page is invisible padding in a text file.
  return markdown.replace(/[\u00a0 ]+$/gm, (run) => (/^ {2}$/.test(run) ? run : '')).trim();
}
