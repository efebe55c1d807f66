import { badRequest, hasNul } from './refusal'

// Checks the framing of a multipart/form-data body: a truncated or mismatched body is refused, not half-parsed.

export type MultipartPart = { name: string; filename?: string; value?: string }

const MAX_PARTS = 200
const MAX_FILENAME = 255

export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  return match ? (match[1] ?? match[2]) : null
}

function headerParam(headers: string, name: string): string | undefined {
  // eslint-disable-next-line security/detect-non-literal-regexp -- name is one of the literals 'name' and 'filename' below
  const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(headers) ?? new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(headers)
  return match?.[1]
}

export function parseMultipart(body: Uint8Array, contentType: string): MultipartPart[] {
  const boundary = boundaryOf(contentType)
  if (!boundary) throw badRequest('invalid_multipart', 'multipart/form-data needs a boundary parameter in Content-Type')
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const delimiter = Buffer.from(`--${boundary}`)
  let start = buf.indexOf(delimiter)
  if (start === -1) throw badRequest('invalid_multipart', 'The multipart body does not contain the boundary named in Content-Type')
  const parts: MultipartPart[] = []
  for (;;) {
    const afterDelimiter = start + delimiter.length
    if (buf.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts
    const next = buf.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), afterDelimiter)
    if (next === -1) throw badRequest('invalid_multipart', 'The multipart body is truncated: its closing boundary is missing')
    const part = buf.subarray(afterDelimiter + 2, next)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd === -1) throw badRequest('invalid_multipart', 'A multipart part has no header block')
    const headers = part.subarray(0, headerEnd).toString('utf8')
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? ''
    const name = headerParam(disposition, 'name')
    if (name === undefined) throw badRequest('invalid_multipart', 'A multipart part has no Content-Disposition name')
    const filename = headerParam(disposition, 'filename')
    if (hasNul(headers)) throw badRequest('invalid_multipart', `The multipart part "${name}" has a NUL character in its headers`)
    if (filename !== undefined && Buffer.byteLength(filename) > MAX_FILENAME) {
      throw badRequest('invalid_multipart', `The file name of "${name}" is longer than ${MAX_FILENAME} bytes`)
    }
    const value = filename === undefined ? part.subarray(headerEnd + 4).toString('utf8') : undefined
    parts.push({ name, filename, value })
    if (parts.length > MAX_PARTS) throw badRequest('invalid_multipart', `A multipart body may have at most ${MAX_PARTS} parts`)
    start = next + 2
  }
}
