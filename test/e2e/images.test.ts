import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchWithExtension, type Api, type ExtensionBrowser } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';
import { today } from './harness/expected-file.ts';
import { popupDriver } from './harness/popup-driver.ts';
import { pixelPng, serveImageArticle, type ImageCase } from './harness/image-fixtures.ts';
import { clipHtml } from '../../src/cli/page.ts';
import { localizeArticle } from '../../src/core/bundle.ts';
import { parse, write } from '../../src/core/frontmatter.ts';

/** The file the bundle's index must be: the core's clip, its saved images pointing at their files. */
function expectedIndex(images: ImageCase, names: Record<string, string>): string {
  const article = clipHtml(images.html, images.page, { now: today(), body: 'markdown' });
  const saved = (article.images ?? []).filter((i) => names[i.url]).map((i) => ({ ...i, name: names[i.url]! }));
  return write(localizeArticle(article, 'markdown', saved, ''));
}

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('images saved with the article, in Chromium', { timeout: 90_000 }, () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  let images: ImageCase;

  beforeAll(async () => {
    server = await startFixtureServer();
    images = serveImageArticle(server);
    ext = await launchWithExtension(requireBuild('chrome-e2e'));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('Download with Save images writes a page bundle: the images byte for byte, the links local, failures kept as links and reported', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(images.page);
    const popup = popupDriver(await ext.openExtensionPage(`popup/index.html?tabId=${await ext.tabIdOf(tab)}`));
    expect(await popup.settled()).toBe('form');
    const box = popup.page.getByRole('checkbox', { name: 'Save images' });
    expect(await box.isChecked()).toBe(false); // the setting's default: link to the site
    await box.check();
    const status = await popup.submit('Download', 60_000);
    expect(status).toBe(`Downloaded Frontclip/the-footbridge-opens/index.md · ${images.report}`);

    const folder = join(ext.downloads, 'Frontclip', 'the-footbridge-opens');
    const index = (await waitForFile(join(folder, 'index.md'))).toString('utf8');
    for (const [name, bytes] of Object.entries(images.files)) {
      const file = await waitForFile(join(folder, name));
      expect(Buffer.compare(file, bytes), name).toBe(0);
    }
    expect((await readdir(folder)).sort()).toEqual(['index.md', ...Object.keys(images.files)].sort());

    const fields = parse(index);
    expect(fields.image).toBe('lead.jpg');
    for (const link of ['](plain.png)', '](bridge-1600.jpg)', '](deck.webp)', '](lazy.png)', '](image.png)', '](chart.svg)']) {
      expect(fields.body, link).toContain(link);
    }
    for (const url of images.remote) expect(fields.body, url).toContain(`](${url})`);
    expect(fields.body).not.toContain('data:image');
    expect(fields.body).not.toContain('count.gif'); // the page's tracking pixel: neither linked nor saved
    const names = {
      [server.url('img/plain.png')]: 'plain.png', [server.url('img/bridge-1600.jpg')]: 'bridge-1600.jpg',
      [server.url('img/deck.webp')]: 'deck.webp', [server.url('img/lazy.png')]: 'lazy.png',
      [`data:image/png;base64,${images.files['image.png']!.toString('base64')}`]: 'image.png',
      [server.url('img/chart.svg')]: 'chart.svg', [server.url('img/lead.jpg')]: 'lead.jpg',
    };
    expect(index).toBe(expectedIndex(images, names));
  });

  it('a second download of the same article gets a bundle of its own (-2), never mixed with the first', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(images.page);
    const popup = popupDriver(await ext.openExtensionPage(`popup/index.html?tabId=${await ext.tabIdOf(tab)}`));
    await popup.settled();
    await popup.page.getByRole('checkbox', { name: 'Save images' }).check();
    const status = await popup.submit('Download', 60_000);
    expect(status).toContain('Downloaded Frontclip/the-footbridge-opens-2/index.md');
    const second = join(ext.downloads, 'Frontclip', 'the-footbridge-opens-2');
    await waitForFile(join(second, 'index.md'));
    expect((await readdir(second)).sort()).toEqual(['index.md', ...Object.keys(images.files)].sort());
    // The first bundle is as it was.
    expect((await readdir(join(ext.downloads, 'Frontclip', 'the-footbridge-opens'))).sort()).toEqual(['index.md', ...Object.keys(images.files)].sort());
  });

  it('with Save images unchecked nothing but the article is written, with its links to the site', async () => {
    const tab = await ext.context.newPage();
    const url = server.url('images/bridge-links.html');
    server.set('images/bridge-links.html', images.html.replace('The footbridge opens</h1>', 'The footbridge opens, linked</h1>').replace(/The footbridge opens"/, 'The footbridge opens, linked"'));
    await tab.goto(url);
    const popup = popupDriver(await ext.openExtensionPage(`popup/index.html?tabId=${await ext.tabIdOf(tab)}`));
    await popup.settled();
    const status = await popup.submit('Download');
    expect(status).toBe('Downloaded Frontclip/the-footbridge-opens-linked.md');
    const file = (await readFile(join(ext.downloads, 'Frontclip', 'the-footbridge-opens-linked.md'))).toString('utf8');
    expect(parse(file).image).toBe(server.url('img/lead.jpg'));
    expect(parse(file).body).toContain(`](${server.url('img/plain.png')})`);
  });
  it('quick download without a permission prompt: a site that allows CORS gives its image, one that does not stays a link', async () => {
    // `localhost` is the same server under a name the test build holds no permission for.
    const other = server.origin.replace('127.0.0.1', 'localhost');
    const open = pixelPng(40);
    const closed = pixelPng(41);
    server.route('cors/open.png', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      res.end(open);
    });
    server.route('cors/closed.png', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(closed);
    });
    server.set('images/cors.html', images.html
      .replace(/The footbridge opens/g, 'The ferry keeps one boat')
      .replace(/<picture>[\s\S]*?<\/picture>/, `<p><img src="${other}/cors/open.png" alt="Open"> <img src="${other}/cors/closed.png" alt="Closed"></p>`));
    const tab = await ext.context.newPage();
    await tab.goto(server.url('images/cors.html'));
    await ext.worker.evaluate(async () => {
      await (globalThis as unknown as { chrome: Api }).chrome.storage.sync.set({ settings: { version: 1, images: 'save' } });
    });
    try {
      const reply = await ext.send('quickDownload', { tabId: await ext.tabIdOf(tab), mode: 'article' });
      expect(reply).toMatchObject({ ok: true, filename: 'Frontclip/the-ferry-keeps-one-boat/index.md' });
      if (!reply.ok) return;
      expect(reply.images?.reasons.blocked).toBe(1);
      const folder = join(ext.downloads, 'Frontclip', 'the-ferry-keeps-one-boat');
      expect(Buffer.compare(await waitForFile(join(folder, 'open.png')), open)).toBe(0);
      const body = parse((await waitForFile(join(folder, 'index.md'))).toString('utf8')).body;
      expect(body).toContain('](open.png)');
      expect(body).toContain(`](${other}/cors/closed.png)`);
      expect(await readdir(folder)).not.toContain('closed.png');
    } finally {
      await ext.worker.evaluate(async () => {
        await (globalThis as unknown as { chrome: Api }).chrome.storage.sync.remove('settings');
      });
    }
  });
});
