import { cmsUrl } from '../env'
import { signedShopperAddress } from './shopperAddress'
import { countCmsFetchError } from '../metrics/registry'
import { noteSharedRead, noteUnsharedRead } from '../pageCache/renderRecord'

const TIMEOUT_MS = 10_000
/** Fallback lifetime of cached catalogue reads, should a revalidation call from the CMS be lost. */
export const DEFAULT_REVALIDATE_SECONDS = 300

export class CmsError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly endpoint: string,
  ) {
    super(message)
    this.name = 'CmsError'
  }
}

export interface CmsRequest {
  /** Metrics label naming the API, e.g. "products" or "checkout". */
  endpoint: string
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  body?: unknown
  /** A customer's Payload JWT; such calls are never cached. */
  token?: string | null
  headers?: Record<string, string>
  /** Cache the (GET, anonymous) answer under these tags; without tags nothing is cached. */
  tags?: string[]
  revalidate?: number
}

export interface CmsResponse<T> {
  status: number
  ok: boolean
  data: T
}

function requestInit(req: CmsRequest, shopper: Record<string, string>): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json', ...req.headers }
  if (req.body !== undefined) headers['Content-Type'] = 'application/json'
  if (req.token) headers.Authorization = `JWT ${req.token}`
  const cacheable = req.tags && (req.method ?? 'GET') === 'GET' && !req.token
  // A shared, cached read carries no shopper's address (it would split the cache); every other call does.
  if (!cacheable) Object.assign(headers, shopper)
  return {
    method: req.method ?? 'GET',
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
    ...(cacheable ? { cache: 'force-cache', next: { tags: req.tags, revalidate: req.revalidate ?? DEFAULT_REVALIDATE_SECONDS } } : { cache: 'no-store' }),
  }
}

/** Any answer from the CMS, parsed; throws CmsError only when the CMS cannot be reached. */
export async function cmsRequest<T = unknown>(path: string, req: CmsRequest): Promise<CmsResponse<T>> {
  let res: Response
  const cacheable = req.tags && (req.method ?? 'GET') === 'GET' && !req.token
  // A page rendered from shared, tagged reads alone may be kept for every shopper (lib/pageCache).
  if (cacheable) noteSharedRead(req.tags ?? [], req.revalidate ?? DEFAULT_REVALIDATE_SECONDS)
  else noteUnsharedRead(`${req.endpoint}: not a shared, tagged read`)
  try {
    res = await fetch(`${cmsUrl()}${path}`, requestInit(req, cacheable ? {} : await signedShopperAddress()))
  } catch (error) {
    countCmsFetchError(req.endpoint)
    noteUnsharedRead(`${req.endpoint}: CMS unreachable`)
    throw new CmsError(`CMS unreachable (${req.endpoint}): ${(error as Error).message}`, 0, req.endpoint)
  }
  if (res.status >= 500) countCmsFetchError(req.endpoint)
  // A page built around a failed read (shown without it, or as an error) is not kept: the next view tries again.
  if (!res.ok && res.status !== 404) noteUnsharedRead(`${req.endpoint}: CMS answered ${res.status}`)
  const data = (await res.json().catch(() => null)) as T
  return { status: res.status, ok: res.ok, data }
}

/** A read that must succeed: throws CmsError on any non-2xx answer. */
export async function cmsGet<T>(path: string, req: CmsRequest): Promise<T> {
  const res = await cmsRequest<T>(path, req)
  if (!res.ok) {
    if (res.status < 500 && res.status !== 404) countCmsFetchError(req.endpoint)
    throw new CmsError(`CMS answered ${res.status} (${req.endpoint})`, res.status, req.endpoint)
  }
  return res.data
}
