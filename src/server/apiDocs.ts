import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { ServerResponse } from 'node:http'
import path from 'node:path'

import { API_DOCS_CONTENT_SECURITY_POLICY } from '../infra/securityHeaders'

// GET /api/docs: the API reference, Swagger UI rendering /api/openapi.json, from swagger-ui-dist's own files served
// here (a renderer loading from a CDN fails offline). The page has no inline script, so a strict CSP allows it.

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Ipswich Retail API reference</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/swagger-ui-standalone-preset.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`

const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
})
`

const distDir = () => path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

function send(res: ServerResponse, body: string | Buffer, type: string, cache: string): void {
  const policy = type.startsWith('text/html') ? { 'content-security-policy': API_DOCS_CONTENT_SECURITY_POLICY } : {}
  res.writeHead(200, {
    'content-type': type,
    'cache-control': cache,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    ...policy,
  })
  res.end(body)
}

/** Answers /api/docs and its assets; false for any other path. */
export async function serveApiDocs(pathname: string, res: ServerResponse): Promise<boolean> {
  if (pathname === '/api/docs' || pathname === '/api/docs/') {
    send(res, PAGE, 'text/html; charset=utf-8', 'no-cache')
    return true
  }
  if (!pathname.startsWith('/api/docs/')) return false
  const name = pathname.slice('/api/docs/'.length)
  if (name === 'init.js') {
    send(res, INIT, 'text/javascript; charset=utf-8', 'no-cache')
    return true
  }
  const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined
  if (!type) return false
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- name is one of the ASSETS keys above
  send(res, await readFile(path.join(distDir(), name)), type, 'public, max-age=86400')
  return true
}
