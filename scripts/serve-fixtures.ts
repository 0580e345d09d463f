import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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

/** One request the server received, kept so a test can tell who asked for what. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FixtureServer {
  origin: string;
  url: (path: string) => string;
  /** Serves `html` at `path` (with or without a leading slash) until the server closes. */
  set: (path: string, html: string) => void;
  /** Answers `path` with a handler of the test's own (images of any type, slow or failing answers). */
  route: (path: string, handler: (req: IncomingMessage, res: ServerResponse) => void) => void;
  /** Every request received, in order (the privacy test checks none came from the extension). */
  requests: SeenRequest[];
  close: () => Promise<void>;
}

/**
 * Serves the fixtures on 127.0.0.1 (a free port), plus pages a test generates at run time;
 * anything not found is a 404, nothing is fetched.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const generated = new Map<string, string>();
  const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const requests: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, headers: req.headers });
    const handler = routes.get(url.pathname);
    if (handler) {
      handler(req, res);
      return;
    }
    const page = generated.get(url.pathname);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
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
    set: (path, html) => void generated.set(`/${path.replace(/^\//, '')}`, html),
    route: (path, handler) => void routes.set(`/${path.replace(/^\//, '')}`, handler),
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
