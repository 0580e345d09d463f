import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png',
};

const FOLDERS = [join(ROOT, 'test/e2e/pages'), join(ROOT, 'test/fixtures')];

/** One request the server received, kept so a test can tell who asked for what. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/**
 * The fixture pages on 127.0.0.1 plus pages a test generates at run time (`set`). Unlike
 * scripts/serve-fixtures.ts it remembers every request, so the privacy test can check that none
 * came from the extension.
 */
export interface PageServer {
  origin: string;
  url: (path: string) => string;
  /** Serves `html` at `path` (with or without a leading slash) until the server closes. */
  set: (path: string, html: string) => void;
  requests: SeenRequest[];
  close: () => Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const generated = new Map<string, string>();
  const requests: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, headers: req.headers });
    const page = generated.get(url.pathname);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    for (const folder of FOLDERS) {
      try {
        const body = await readFile(join(folder, path));
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        // the next folder
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the page server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    set: (path, html) => void generated.set(`/${path.replace(/^\//, '')}`, html),
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
