import autocannon from 'autocannon'

import type { Target } from './targets'

export type LoadResult = { rps: number; p50: number; p99: number; errors: number; non2xx: number }

/** One autocannon run against 127.0.0.1 with keep-alive connections; a target with `paths` rotates over them. */
export async function load(url: string, target: Target, connections: number, seconds: number): Promise<LoadResult> {
  const headers: Record<string, string> = { ...(target.body || target.next ? { 'content-type': 'application/json' } : {}), ...target.headers }
  let n = 0
  const { paths: rotate, next } = target
  // A target with `next` (a fresh body each time) is sent as bench/checkout sends its POSTs: path and method on the
  // request template only; with the body also set at the top, autocannon's requests hung unanswered.
  const result = next
    ? await autocannon({
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: target.method,
            path: target.path,
            setupRequest: (req) => {
              const fresh = next()
              return { ...req, body: fresh.body, headers: { ...headers, ...fresh.headers } }
            },
          },
        ],
      })
    : await autocannon({
        url: `${url}${target.path}`,
        method: target.method,
        body: target.body,
        headers,
        connections,
        duration: seconds,
        ...(rotate ? { requests: [{ method: target.method, headers, setupRequest: (req) => ({ ...req, path: rotate[n++ % rotate.length] }) }] } : {}),
      })
  return {
    // From the total, to one decimal: on a loaded machine a slow server completes only a few requests in a cell.
    rps: Math.round((result.requests.total / seconds) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

/** Fetches once and keeps the exact bytes and headers, for the replay server. */
export async function capture(url: string, target: Target): Promise<{ key: string; headers: Record<string, string>; body: string; cache: string | null }> {
  const fresh = target.next?.()
  const res = await fetch(`${url}${target.path}`, {
    method: target.method,
    body: fresh?.body ?? target.body,
    headers: { ...(target.body || fresh ? { 'content-type': 'application/json' } : {}), ...target.headers, ...fresh?.headers },
  })
  const body = Buffer.from(await res.arrayBuffer())
  if (res.status !== 200 && res.status !== 201) throw new Error(`${target.name}: ${res.status} ${body.toString().slice(0, 200)}`)
  const headers: Record<string, string> = {}
  res.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-request-id', 'x-cache'].includes(name)) headers[name] = value
  })
  return { key: `${target.method} ${target.path}`, headers, body: body.toString('base64'), cache: res.headers.get('x-cache') }
}
