import { createHmac, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import path from 'node:path'

import { listenOnLoopback } from './listen'

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; json: { id: string; event: string; data: Record<string, unknown> } }

/**
 * A webhook receiver on 127.0.0.1 that keeps every request. `answers[path]` lists the status codes to give, in turn
 * (the last one repeats); a path not listed answers 200.
 */
export async function startWebhookReceiver(answers: Record<string, number[]> = {}) {
  const received: Received[] = []
  const served = new Map<string, number>()
  const server = await listenOnLoopback((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const url = req.url ?? '/'
      received.push({ path: url, headers: req.headers, body, json: JSON.parse(body) })
      const codes = answers[url] ?? [200]
      const n = served.get(url) ?? 0
      served.set(url, n + 1)
      res.writeHead(codes[Math.min(n, codes.length - 1)]).end()
    })
  })
  return { ...server, received, at: (p: string) => received.filter((r) => r.path === p) }
}

type Verify = (rawBody: string, header: unknown, secret: string, toleranceSeconds?: number, now?: number) => boolean

/** The verification recipe exactly as docs/webhooks.md gives it (the js block after `<!-- verify-recipe -->`). */
export function documentedVerifier(): Verify {
  const markdown = readFileSync(path.resolve('docs/webhooks.md'), 'utf8')
  const block = /<!-- verify-recipe -->\s*```js\n([\s\S]*?)```/.exec(markdown)
  if (!block) throw new Error('docs/webhooks.md has no verify-recipe block')
  const body = block[1].replace(/^import .*$/m, '').replace(/^export /m, '')

  return new Function('createHmac', 'timingSafeEqual', `${body}\nreturn verifyIpswichSignature`)(createHmac, timingSafeEqual) as Verify
}
