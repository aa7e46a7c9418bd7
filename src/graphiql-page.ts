import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL served whole from the gateway: yoga's page loads its scripts, styles and editor
 * workers from a public CDN, which an air-gapped data centre cannot reach. Here they come
 * from the installed @graphql-yoga/graphiql package under ASSETS_PATH, and nothing in the
 * page names an outside address.
 */
const packageDir = dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json'));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };

/** Versioned, so a browser may keep the files for as long as it likes. */
export const ASSETS_PATH = `/graphiql/${version}/`;

/** The only files served, by name: a request cannot name any other path on disk. */
const ASSETS: Record<string, string> = {
  'graphiql.css': 'text/css; charset=utf-8',
  'yoga-graphiql.umd.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/editor.worker.bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/json.worker.bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/graphql.worker..bundle.js': 'text/javascript; charset=utf-8',
};

/** Read and compressed on first request (the script is 5 MB, 1.3 MB gzipped), then kept. */
const loaded = new Map<string, { plain: Buffer; gzipped: Buffer }>();

/** Answers a request under ASSETS_PATH; false when `path` is not one of the assets. */
export function serveGraphiQLAsset(path: string, acceptEncoding: string | undefined, res: ServerResponse): boolean {
  const name = path.slice(ASSETS_PATH.length);
  const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!path.startsWith(ASSETS_PATH) || !type) return false;
  let asset = loaded.get(name);
  if (!asset) {
    const plain = readFileSync(join(packageDir, 'dist', name));
    asset = { plain, gzipped: gzipSync(plain) };
    loaded.set(name, asset);
  }
  const gzip = /\bgzip\b/.test(acceptEncoding ?? '');
  const body = gzip ? asset.gzipped : asset.plain;
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(body);
  return true;
}

/** JSON inside a <script>: `</script>` or `<!--` in a query or title cannot end the element. */
const scriptSafe = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page, for yoga's `renderGraphiQL`. Yoga's GraphiQL wrapper opens on its own welcome
 * text unless given `query` (it ignores `defaultQuery`), and a given `query` hides the
 * page's `?query=` (which keeps an edited operation across a reload, and makes links to
 * one operation possible); so the page picks: `?query=` if present, else the default.
 * Workers are same-origin now, so Monaco loads them by URL.
 */
export function renderGraphiQLPage(options: GraphiQLOptions = {}): string {
  const title = options.title ?? 'Fleetgate';
  const workers = {
    editorWorkerService: `${ASSETS_PATH}monacoeditorwork/editor.worker.bundle.js`,
    json: `${ASSETS_PATH}monacoeditorwork/json.worker.bundle.js`,
    graphql: `${ASSETS_PATH}monacoeditorwork/graphql.worker..bundle.js`,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS_PATH}graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root">Loading ${escapeHtml(title)}…</div>
<script>
const workers = ${scriptSafe(workers)};
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_id, label) => workers[label] };
</script>
<script src="${ASSETS_PATH}yoga-graphiql.umd.js"></script>
<script>
const options = ${scriptSafe(options)};
options.query = new URLSearchParams(location.search).get('query') || options.defaultQuery;
YogaGraphiQL.renderYogaGraphiQL(root, options);
</script>
</body>
</html>
`;
}
