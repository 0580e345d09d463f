import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { run, type Io } from '../../src/cli/main.ts';
import { NEWS_URL, fixturePath, readFixture } from '../helpers/fixtures.ts';

interface Ran { status: number; stdout: string; stderr: string }

async function cli(argv: string[], stdin = ''): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stdin: async () => stdin };
  const status = await run(argv, io);
  return { status, stdout, stderr };
}

const reference = readFixture('reference-article.md');
const news = fixturePath('news-article.html');
const KEYS = ['title', 'date', 'dateSource', 'description', 'summary', 'slug', 'image', 'link', 'source',
  'categories', 'tags', 'draft', 'body', 'siteName', 'keywords', 'filename'];

describe('frontclip clip', () => {
  it('prints the article file whose front matter is the reference sample', async () => {
    const r = await cli(['clip', news, '--url', NEWS_URL, '--now', '2026-11-26', '--body', 'html']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const front = reference.slice(0, reference.indexOf('\n---\n') + 5);
    expect(r.stdout.startsWith(front)).toBe(true);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.endsWith('\n\n')).toBe(false);
  });

  it('prints one JSON object with every Article field, in order, with --json', async () => {
    const r = await cli(['clip', news, '--url', NEWS_URL, '--now', '2026-11-26', '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(Object.keys(json)).toEqual(KEYS);
    expect(json.date).toBe('2026-01-06');
    expect(json.dateSource).toBe('article:published_time');
    expect(json.tags).toEqual(['finalization', 'ambassador', 'security', 'ukraine', 'nations']);
    expect(json.body).toContain('Negotiations over [security guarantees for Ukraine](https://www.foxnews.com/category/world/conflicts/ukraine)');
  });

  it('reads the page from standard input with -', async () => {
    const r = await cli(['clip', '-', '--url', NEWS_URL, '--now', '2026-11-26', '--json'], readFixture('news-article.html'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).link).toBe('https://www.foxnews.com/media/nato-ambassador-says-ukraine-peace-deal-could-on-cusp-nations-near-finalization-security-pact');
  });

  it('uses the clip day when the page has no date', async () => {
    const r = await cli(['clip', '-', '--url', 'https://example.org/x', '--now', '2026-11-26', '--json'],
      `<html><head><title>Plain page</title></head><body><article><h1>Plain page</h1>${'<p>Some words in a paragraph that goes on for a while, long enough to count as an article body.</p>'.repeat(4)}</article></body></html>`);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.date).toBe('2026-11-26');
    expect(json.dateSource).toBe('clip-date');
  });

  it('exits 1 with one line on stderr when the page has no article', async () => {
    const r = await cli(['clip', '-', '--url', 'https://example.org/'], '<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^frontclip: No readable article/);
  });

  it('exits 1 with a clear line, not a stack overflow, on a page nested thousands of levels deep', async () => {
    const text = '<p>Words of the article in a long sentence that goes on and on. </p>'.repeat(6);
    const r = await cli(['clip', '-', '--url', 'https://example.org/deep'], `<html><body>${'<div>'.repeat(8000)}${text}${'</div>'.repeat(8000)}</body></html>`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('frontclip: The page is nested too deeply to read (thousands of elements inside one another).\n');
    // jsdom takes seconds over 8,000 levels, and several times that on a busy machine: the test is
    // about the message, not the time.
  }, 90_000);

  it.each([
    [['clip']],
    [['clip', news, '--body', 'pdf']],
    [['clip', news, '--now', '2026-02-30']],
    [['clip', news, '--url', 'not a url']],
    [['clip', news, '--bogus']],
    [['clip', '/no/such/file.html']],
    [['frobnicate']],
    [[]],
  ])('exits 2 on bad usage: %j', async (argv) => {
    const r = await cli(argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^frontclip: /);
  });
});

describe('frontclip batch', () => {
  it('prints one JSON Article a line in input order, an error line for a failing page, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontclip-batch-'));
    copyFileSync(news, join(dir, 'news.html'));
    writeFileSync(join(dir, 'empty.html'), '<html><body></body></html>');
    writeFileSync(join(dir, 'cases.jsonl'), [
      JSON.stringify({ file: 'news.html', url: NEWS_URL, expected: { ignored: true } }),
      JSON.stringify({ file: 'empty.html', url: 'https://example.org/empty' }),
      JSON.stringify({ file: 'missing.html', url: 'https://example.org/missing' }),
      'not json',
      JSON.stringify({ file: 'news.html', url: 'https://example.org/2024/02/29/story' }),
    ].join('\n'));
    const r = await cli(['batch', join(dir, 'cases.jsonl'), '--now', '2026-11-26']);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].title).toMatch(/^NATO ambassador/);
    expect(Object.keys(lines[0])).toEqual(KEYS);
    expect(lines[1]).toEqual({ file: 'empty.html', error: expect.stringMatching(/No readable article/) });
    expect(lines[2]).toEqual({ file: 'missing.html', error: expect.stringMatching(/ENOENT|no such file/i) });
    expect(lines[3]).toEqual({ file: null, error: expect.any(String) });
    expect(lines[4].title).toMatch(/^NATO ambassador/);
    expect(r.status).toBe(1);
  });
});

describe('frontclip parse and format', () => {
  it('parse prints the fields of the reference sample, and format prints it back byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontclip-parse-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, reference);
    const parsed = await cli(['parse', file]);
    expect(parsed.status).toBe(0);
    const fields = JSON.parse(parsed.stdout);
    expect(Object.keys(fields)).toEqual(['title', 'date', 'description', 'summary', 'slug', 'image', 'link', 'source', 'categories', 'tags', 'draft', 'body']);
    expect(fields.tags).toEqual(['finalization', 'ambassador', 'security', 'ukraine', 'nations']);
    const front = parseYaml(reference.split('\n---\n')[0]!.slice(4));
    expect(fields.title).toBe(front.title);
    const formatted = await cli(['format'], parsed.stdout);
    expect(formatted.status).toBe(0);
    expect(formatted.stdout).toBe(reference);
  });

  it('format accepts the output of clip --json', async () => {
    const clipped = await cli(['clip', news, '--url', NEWS_URL, '--now', '2026-11-26', '--json', '--body', 'html']);
    const formatted = await cli(['format'], clipped.stdout);
    expect(formatted.status).toBe(0);
    expect(formatted.stdout.slice(0, 300)).toBe(reference.slice(0, 300));
  });

  it('exits 1 on an invalid file or invalid JSON, with one line on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontclip-bad-'));
    writeFileSync(join(dir, 'bad.md'), 'title: no front matter\n');
    for (const r of [
      await cli(['parse', join(dir, 'bad.md')]),
      await cli(['format'], '{"title": 3}'),
      await cli(['format'], '{"title": "x", "date": "yesterday"}'),
      await cli(['format'], 'not json'),
    ]) {
      expect(r.status).toBe(1);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('the installed command', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  it('runs through npx from the repository root with the documented exit statuses', async () => {
    const exec = (args: string[], input?: string) => new Promise<Ran>((resolve) => {
      const child = execFile('npx', ['--no-install', 'frontclip', ...args], { cwd: root }, (err, stdout, stderr) => {
        resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      });
      child.stdin?.end(input ?? '');
    });
    const ok = await exec(['clip', 'test/fixtures/news-article.html', '--url', NEWS_URL, '--now', '2026-11-26', '--body', 'html']);
    expect(ok.status).toBe(0);
    expect(ok.stdout.slice(0, 200)).toBe(reference.slice(0, 200));
    const none = await exec(['clip', '-', '--url', 'https://example.org/'], '<p>x</p>');
    expect(none.status).toBe(1);
    const usage = await exec(['clip']);
    expect(usage.status).toBe(2);
  }, 60_000);
});
