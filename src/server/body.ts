import type { IncomingMessage } from 'node:http'
import { PassThrough } from 'node:stream'

export class BodyTooLarge extends Error {}

/** Reads a request body the server must look at (a GraphQL query, a login's email). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new BodyTooLarge(`request body over ${limit} bytes`))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * A stand-in for a request whose body was already read: the same method, URL, headers and socket, and a
 * stream that yields the body again, so Next's handler reads it as if it were the original.
 */
export function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new PassThrough()
  replay.end(body)
  const props: Partial<IncomingMessage> = {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    complete: true,
    aborted: false,
    trailers: {},
    rawTrailers: [],
  }
  Object.assign(replay, props, { connection: req.socket })
  return replay as unknown as IncomingMessage
}
