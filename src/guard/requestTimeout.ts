import type { ServerResponse } from 'node:http'

// A time limit per request: when the handler has not answered within `ms`, the client gets a 503 (or, if the
// answer had started, a closed connection). The work behind it is not cancelled; DB_STATEMENT_TIMEOUT_MS bounds
// the database's share of it.
export function applyRequestTimeout(res: ServerResponse, ms: number, onTimeout?: () => void): void {
  if (!ms) return
  const timer = setTimeout(() => {
    onTimeout?.()
    if (res.headersSent) {
      res.destroy()
      return
    }
    const body = JSON.stringify({ error: { code: 'request_timeout', message: `The request took longer than ${ms} ms` } })
    res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store', 'retry-after': '1', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  }, ms)
  timer.unref()
  res.once('close', () => clearTimeout(timer))
  res.once('finish', () => clearTimeout(timer))
}
