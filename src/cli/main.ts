import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ARTICLE_KEYS, FILE_KEYS, type Article, type ArticleFile, type BodyFormat } from '../core/article.ts';
import { parse, write, FrontMatterError } from '../core/frontmatter.ts';
import { clipHtml, pageUrl, UsageError } from './page.ts';
import { articleFileFromJson } from './json.ts';
import { messageOf } from '../core/error-message.ts';

const USAGE = `Usage:
  frontclip clip <file.html|-> [--url URL] [--now YYYY-MM-DD] [--body markdown|html] [--json]
  frontclip batch <cases.jsonl> [--now YYYY-MM-DD] [--body markdown|html]
  frontclip parse <file.md>
  frontclip format < fields.json`;

/** Everything the CLI prints or reads goes through these, so tests can drive it in-process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Promise<string>;
}

function pick<T extends object>(value: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key as string] = value[key];
  return out;
}

export const articleJson = (a: Article): string => JSON.stringify(pick(a, ARTICLE_KEYS));
const fileJson = (f: ArticleFile): string => JSON.stringify(pick(f, FILE_KEYS), null, 2);

function bodyFormat(value: string | undefined): BodyFormat {
  if (value === undefined || value === 'markdown' || value === 'html') return value ?? 'markdown';
  throw new UsageError(`--body must be markdown or html, not "${value}"`);
}

function nowOption(value: string | undefined): Date | string {
  if (value === undefined) return new Date();
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = parts ? new Date(Date.UTC(+parts[1]!, +parts[2]! - 1, +parts[3]!)) : null;
  if (!day || day.toISOString().slice(0, 10) !== value) throw new UsageError(`--now must be a real YYYY-MM-DD day, not "${value}"`);
  return value;
}

async function readText(file: string, io: Io): Promise<string> {
  const input = await readInput(file, io);
  return typeof input === 'string' ? input : new TextDecoder().decode(input);
}

/** A file's bytes (decoded by page-dom.ts as the page declares), or standard input's text. */
async function readInput(file: string, io: Io): Promise<string | Uint8Array> {
  if (file === '-') return io.stdin();
  try {
    return await readFile(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function onlyOne(positionals: string[], what: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`expected one ${what}`);
  return positionals[0];
}

async function clip(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { url: { type: 'string' }, now: { type: 'string' }, body: { type: 'string' }, json: { type: 'boolean' } },
  });
  const file = onlyOne(positionals, 'HTML file (or - for standard input)');
  const options = { now: nowOption(values.now), body: bodyFormat(values.body) };
  const url = pageUrl(file, values.url);
  const article = clipHtml(await readInput(file, io), url, options);
  io.stdout(values.json ? `${articleJson(article)}\n` : write(article));
  return 0;
}

async function batch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { now: { type: 'string' }, body: { type: 'string' } },
  });
  const list = onlyOne(positionals, 'cases .jsonl file');
  const options = { now: nowOption(values.now), body: bodyFormat(values.body) };
  const folder = dirname(resolve(list));
  let failures = 0;
  for (const line of (await readText(list, io)).split('\n')) {
    if (!line.trim()) continue;
    let file: unknown = null;
    try {
      const item = JSON.parse(line) as { file?: unknown; url?: unknown };
      file = item.file ?? null;
      if (typeof item.file !== 'string') throw new Error('the line has no "file" string');
      const url = pageUrl(resolve(folder, item.file), typeof item.url === 'string' ? item.url : undefined);
      const page = await readFile(resolve(folder, item.file));
      io.stdout(`${articleJson(clipHtml(page, url, options))}\n`);
    } catch (err) {
      failures++;
      io.stdout(`${JSON.stringify({ file, error: failureLine(err) })}\n`);
    }
  }
  return failures ? 1 : 0;
}

async function parseCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  const file = onlyOne(positionals, 'article file');
  io.stdout(`${fileJson(parse(await readText(file, io)))}\n`);
  return 0;
}

async function format(args: string[], io: Io): Promise<number> {
  parseArgs({ args, allowPositionals: false, strict: true, options: {} });
  let value: unknown;
  try {
    value = JSON.parse(await io.stdin());
  } catch (err) {
    throw new FrontMatterError(`standard input is not JSON: ${failureLine(err)}`);
  }
  io.stdout(write(articleFileFromJson(value)));
  return 0;
}

/** A failure as one line of the CLI's output. */
function failureLine(err: unknown): string {
  // jsdom walks the tree recursively: a page nested thousands of levels deep overflows the stack.
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return 'The page is nested too deeply to read (thousands of elements inside one another).';
  }
  const text = messageOf(err);
  return text.split('\n')[0] ?? text;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  clip, batch, parse: parseCommand, format,
};

/** Runs one CLI call; returns the exit status (0 done, 1 no article / invalid file, 2 usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const handler = command ? COMMANDS[command] : undefined;
  if (!handler) {
    io.stderr(`frontclip: ${command ? `unknown command "${command}"` : 'no command given'}\n${USAGE}\n`);
    return 2;
  }
  try {
    return await handler(args, io);
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`frontclip: ${failureLine(err)}\n`);
    // Anything else (no article, an invalid file, an unreadable page) is a failed clip: 1.
    return usage ? 2 : 1;
  }
}
