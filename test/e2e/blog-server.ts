// Serves the seed blog on 127.0.0.1 for end-to-end tests and the demo. Pages can be overridden
// (an edited version of a post) or added (hostile and huge pages) per test.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { SEED_BLOG } from './paths';

export { SEED_BLOG };

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.pdf': 'application/pdf' };

export interface BlogServer {
  origin: string;
  url: (path: string) => string;
  /** Serve `body` at `path` instead of the file (or in addition to the files). */
  override: (path: string, body: string | Buffer, type?: string) => void;
  /** Answer `from` with a permanent redirect to `to` (a page that moved); wins over a file or override. */
  redirect: (from: string, to: string) => void;
  clearOverrides: () => void;
  close: () => Promise<void>;
}

export async function startBlogServer(root = SEED_BLOG): Promise<BlogServer> {
  const overrides = new Map<string, { body: string | Buffer; type: string }>();
  const redirects = new Map<string, string>();
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const moved = redirects.get(path);
    if (moved) {
      response.writeHead(301, { location: moved });
      return response.end();
    }
    const override = overrides.get(path);
    if (override) {
      response.writeHead(200, { 'content-type': override.type });
      return response.end(override.body);
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403);
      return response.end();
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    override: (path, body, type = 'text/html; charset=utf-8') => overrides.set(`/${path.replace(/^\//, '')}`, { body, type }),
    redirect: (from, to) => redirects.set(`/${from.replace(/^\//, '')}`, `/${to.replace(/^\//, '')}`),
    clearOverrides: () => {
      overrides.clear();
      redirects.clear();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
