// What the guard sees of a request, and what it answers when it refuses one.

export type GuardHeaders = Headers | Record<string, string | string[] | undefined>

export type GuardRequest = {
  method: string
  /** Path and query as received (`/api/products?where…`); an absolute URL also works. */
  url: string
  headers: GuardHeaders
  /** The body as read so far (up to the guard's limit + 1 byte); omit for a head-only check. */
  body?: Uint8Array
}

export type GuardStatus = 400 | 404 | 405 | 413 | 415

export type GuardRefusal = {
  status: GuardStatus
  body: { error: { code: string; message: string; details?: unknown }; errors?: { message: string; extensions: { code: string } }[] }
  headers?: Record<string, string>
}

export type GuardOptions = {
  /** Largest JSON or form body, in bytes. */
  maxBodyBytes: number
  /** Largest multipart (upload) body, in bytes. */
  maxUploadBytes: number
  /** Longest GraphQL query text, in characters. */
  maxGraphQLQueryLength?: number
  /** Deepest nesting of objects and arrays accepted in a JSON body (default 64); deeper is a 400 before parsing. */
  maxJsonDepth?: number
  /** Check that a requested local upload file exists (default true). */
  checkUploadFiles?: boolean
  /** Largest ?limit= of a list read without credentials; such a read may not ask for pagination=false or limit=0 either (default 100). */
  maxLimit?: number
  /** Largest ?depth= of any read (default 3). */
  maxDepth?: number
  /** Payload's cookie prefix: a request with `<prefix>-token` or an Authorization header has credentials (default "payload"). */
  cookiePrefix?: string
  /** Called when a check itself throws (a bug in the guard); the request is then let through. */
  onFault?: (error: unknown) => void
}

export type RequestGuard = {
  (req: GuardRequest): GuardRefusal | null
  /** The most body bytes the guard accepts for this request: read at most this + 1. */
  bodyLimit: (req: Pick<GuardRequest, 'headers'> & Partial<Pick<GuardRequest, 'method' | 'url'>>) => number
}
