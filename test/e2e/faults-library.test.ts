import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { launchFaultBrowser, type FaultBrowser } from './harness/fault-browser.ts';
import { waitForFile } from './harness/downloads.ts';
import { articleFile, articleZip, zipBomb } from './harness/hostile-files.ts';
import { readArticleFile } from '../helpers/article-file.ts';
import { zipDirectoryOf } from '../../options/zip-directory.ts';

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('library faults in Chromium: clear messages, nothing confirmed is lost', { timeout: 120_000 }, () => {
  let b: FaultBrowser;
  let library: Page;
  let scratch: string;
  /** Links the library page said it imported. */
  const confirmed = new Set<string>();
  let faults = 0;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'frontclip-imports-'));
    b = await launchFaultBrowser(requireBuild('chrome-e2e'));
    library = await b.openExtensionPage('options/library.html');
    await library.setViewportSize({ width: 1100, height: 900 });
  });

  afterAll(async () => {
    console.info(`faults-library.test.ts: ${faults} faults injected; ${confirmed.size} confirmed articles, all still in the library`);
    await b?.close();
    await rm(scratch, { recursive: true, force: true }).catch(() => {});
  });

  async function expectNothingLost(): Promise<void> {
    const held = await b.library();
    expect([...confirmed].filter((link) => !held.has(link)), 'confirmed articles missing from the library').toEqual([]);
  }

  /** The status line once it reports an outcome. */
  async function outcome(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    const status = library.getByRole('status').filter({ hasText: pattern });
    await status.waitFor({ timeout: timeoutMs });
    return (await status.textContent()) ?? '';
  }

  it('imports 300 articles from a zip while the worker is stopped, then exports them all while it is stopped again', async () => {
    const zip = articleZip(300);
    const picked = library.getByLabel('Import…').setInputFiles({ name: 'three-hundred.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await b.stopWorker();
    faults++;
    await picked;
    expect(await outcome(/^(?:Imported|Nothing)/)).toBe('Imported 300 articles (300 new).');
    for (let n = 1; n <= 300; n++) confirmed.add(`https://harbour.example/imported/${n}`);
    await expectNothingLost();
    await expect.poll(() => library.locator('.library-count').textContent()).toBe('300 articles');

    // Wake the worker (a message does), so that there is one to stop while the export runs.
    await b.send('knownTags', {});
    await library.getByRole('button', { name: 'Export all' }).click();
    await b.stopWorker();
    faults++;
    const text = await outcome(/^(?:Exported|Couldn't)/);
    expect(text).toMatch(/^Exported 300 articles to Frontclip\/frontclip-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(await waitForFile(join(b.chromium.downloads, text.replace(/^Exported 300 articles to /, '')))));
    const links = Object.entries(files).filter(([name]) => name !== 'frontclip.json').map(([, bytes]) => String(readArticleFile(Buffer.from(bytes).toString('utf8')).data.link));
    expect(links.sort()).toEqual([...confirmed].sort());
    await expectNothingLost();
  });

  it('an import of corrupt, truncated and enormous files lists each with its reason, imports the good ones (of a zip with a damaged entry, all but that one), and loses nothing', async () => {
    const good = articleFile(1001);
    const validZip = Buffer.from(articleZip(20, 2001));
    // Four articles, the third's data damaged: read in two parts, each worker reads its own two.
    const damagedZip = Buffer.from(articleZip(4, 3001));
    const third = zipDirectoryOf(damagedZip)!.entries[2]!;
    damagedZip[third.offset + 30 + third.name.length] = 0xff; // a deflate block type that does not exist
    const files = [
      { name: 'good.md', buffer: Buffer.from(good) },
      { name: 'random.md', buffer: randomBytes(4096) },
      { name: 'no-front-matter.md', buffer: Buffer.from('Just some notes, no front matter.\n') },
      { name: 'truncated.md', buffer: Buffer.from(good.slice(0, 70)) },
      { name: 'broken-yaml.md', buffer: Buffer.from('---\ntitle: "never closed\ndate: 2025-01-01\n---\nbody\n') },
      { name: 'alias-bomb.md', buffer: Buffer.from(`---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: *d\n---\nbody\n`) },
      { name: 'script-link.md', buffer: Buffer.from(articleFile(1003, { link: 'javascript:alert(1)' })) },
      { name: 'not-a-zip.zip', buffer: Buffer.from('this is not a zip archive') },
      { name: 'truncated.zip', buffer: validZip.subarray(0, Math.floor(validZip.length * 0.6)) },
      { name: 'bomb.zip', buffer: await zipBomb('bomb.md', 1_000_000_000) },
      { name: 'damaged.zip', buffer: damagedZip },
    ];
    faults += files.length; // every file but good.md, plus the enormous one made in the page
    // Picked as a reader picks them. The enormous file (100 MB) is made in the page itself: the
    // browser is attached over CDP, which does not carry files that large.
    await library.getByLabel('Import…').evaluate((input: HTMLInputElement, { list, enormous }) => {
      const picked = new DataTransfer();
      for (const { name, base64 } of list) picked.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
      picked.items.add(new File([enormous.head, 'word '.repeat(20_000_000), '\n'], 'enormous.md'));
      input.files = picked.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, { list: files.map((f) => ({ name: f.name, base64: f.buffer.toString('base64') })), enormous: { head: articleFile(1002, { body: '' }).replace(/\n$/, '') } });
    const text = await outcome(/^(?:Imported|Nothing)/);
    expect(text).toBe('Imported 4 articles (4 new). 11 files could not be imported: see the list below.');
    for (const n of [1001, 3001, 3002, 3004]) confirmed.add(`https://harbour.example/imported/${n}`);

    const report = library.getByRole('region', { name: 'Files not imported' });
    const reasons = Object.fromEntries(await report.getByRole('listitem').evaluateAll((items) => items.map((item) => {
      const name = item.querySelector('.report-name')?.textContent ?? '';
      return [name, (item.textContent ?? '').slice(name.length).replace(/^: /, '')];
    })));
    expect(Object.keys(reasons).sort()).toEqual([
      'alias-bomb.md', 'bomb.zip: bomb.md', 'broken-yaml.md', 'damaged.zip: imported-story-3003.md', 'enormous.md', 'no-front-matter.md',
      'not-a-zip.zip', 'random.md', 'script-link.md', 'truncated.md', 'truncated.zip',
    ]);
    expect(reasons['damaged.zip: imported-story-3003.md']).toMatch(/^it could not be unpacked \(.+\)$/);
    expect(reasons['random.md']).toBe('it is not UTF-8 text');
    expect(reasons['no-front-matter.md']).toMatch(/^not an article file/);
    expect(reasons['script-link.md']).toBe('its link "javascript:alert(1)" is not a web address');
    expect(reasons['not-a-zip.zip']).toBe('it is named .zip but is not a zip archive');
    expect(reasons['truncated.zip']).toMatch(/^it is not a readable zip archive/);
    expect(reasons['enormous.md']).toBe('it is 96 MB, too large for an article file (the limit is 64 MB)');
    expect(reasons['bomb.zip: bomb.md']).toBe('it unpacks to 954 MB, too large for an article file (the limit is 64 MB)');
    for (const [name, reason] of Object.entries(reasons)) expect(reason.length, name).toBeGreaterThan(10);

    const held = await b.library();
    expect(held.size).toBe(confirmed.size);
    await expectNothingLost();
  });
});
