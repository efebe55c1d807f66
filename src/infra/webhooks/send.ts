import http from 'node:http'
import https from 'node:https'

import { publicOnlyLookup, webhookUrlRefusal } from './urlPolicy'

export type SendResult = { ok: boolean; responseCode: number | null; durationMs: number; error: string | null }

/** POSTs one signed body; never follows redirects (a redirect could point inside) and reads at most 64 KiB back. */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendResult> {
  const started = Date.now()
  const done = (responseCode: number | null, error: string | null): SendResult => ({
    ok: responseCode !== null && responseCode >= 200 && responseCode < 300,
    responseCode,
    durationMs: Date.now() - started,
    error: error ?? (responseCode !== null && (responseCode < 200 || responseCode >= 300) ? `The receiver answered ${responseCode}` : null),
  })
  const refused = await webhookUrlRefusal(url, options.allowPrivate)
  if (refused) return done(null, refused)
  const target = new URL(url)
  const client = target.protocol === 'https:' ? https : http
  return new Promise<SendResult>((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Ipswich-Retail-Webhooks/1', ...headers },
        timeout: options.timeoutMs,
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup as never }),
      },
      (response) => {
        let read = 0
        response.on('data', (chunk: Buffer) => {
          read += chunk.length
          if (read > 64 * 1024) response.destroy()
        })
        response.on('close', () => resolve(done(response.statusCode ?? null, null)))
        response.on('error', () => undefined)
      },
    )
    request.on('timeout', () => request.destroy(new Error(`No answer within ${options.timeoutMs} ms`)))
    request.on('error', (err) => resolve(done(null, err.message)))
    request.end(body)
  })
}
