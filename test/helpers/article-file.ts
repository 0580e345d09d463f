import { parse as parseYaml } from 'yaml';

/** A downloaded article file read with the `yaml` package, independently of the core's parser. */
export interface ReadFile {
  data: Record<string, unknown>;
  body: string;
}

export function readArticleFile(text: string): ReadFile {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`not a front-matter file:\n${text.slice(0, 200)}`);
  const data: unknown = parseYaml(match[1]!);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('the front matter is not a mapping');
  return { data: data as Record<string, unknown>, body: match[2]! };
}

/**
 * FORMAT.md's folding of one-line fields, written out from the Unicode White_Space list: every
 * run of white space becomes one space, and the ends are trimmed.
 */
export function foldLine(text: string): string {
  return text.replace(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' ').trim();
}

/**
 * Raw HTML a Markdown renderer would pass through: a `<` followed by a tag name, `/`, `!` or `?`
 * that is not backslash-escaped, outside code spans and fenced blocks.
 */
export function rawHtmlInMarkdown(markdown: string): string[] {
  const found: string[] = [];
  let inFence: string | null = null;
  for (const line of markdown.split('\n')) {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (inFence === null) inFence = fence[1]!;
      else if (fence[1]!.startsWith(inFence[0]!) && fence[1]!.length >= inFence.length) inFence = null;
      continue;
    }
    if (inFence !== null) continue;
    // Code spans hold text verbatim; take them out (a span opens and closes with equal backtick runs).
    const prose = line.replace(/(?<!\\)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
    for (const m of prose.matchAll(/(\\*)<([a-zA-Z/!?][^>]{0,60})/g)) {
      if (m[1]!.length % 2 === 0) found.push(`<${m[2]}`);
    }
  }
  return found;
}
