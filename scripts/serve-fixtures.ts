import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

// The end-to-end tests' own pages first, then the shared fixtures.
const FOLDERS = [join(ROOT, 'test/e2e/pages'), join(ROOT, 'test/fixtures')];

export interface FixtureServer {
  origin: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Serves the fixtures on 127.0.0.1 (a free port); anything not found is a 404, nothing is fetched. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    // `/slow/<ms>/<page>` sends the first half of a page, then the rest after <ms>: a tab that is still loading.
    const slow = /^\/slow\/(\d+)(\/.*)$/.exec(path);
    if (slow) path = slow[2]!;
    for (const folder of FOLDERS) {
      try {
        const body = await readFile(join(folder, path));
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        if (slow) {
          const half = Math.floor(body.length / 2);
          res.write(body.subarray(0, half));
          const timer = setTimeout(() => res.end(body.subarray(half)), Number(slow[1]));
          res.on('close', () => clearTimeout(timer));
        } else {
          res.end(body);
        }
        return;
      } catch {
        // try the next folder
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
