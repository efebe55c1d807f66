// How much one read may ask for (docs/integrators.md "Page size and depth"): the one rule behind the request guard,
// the Next route handlers (REST) and the GraphQL validation rule, so REST and GraphQL refuse the same reads alike.

export type PageCaps = { maxLimit: number; maxDepth: number }
export type CapRefusal = { code: 'limit_too_large' | 'depth_too_large'; message: string; details: { param: string; max: number } }
/** What a read asks for: REST query values as strings, GraphQL argument values as numbers and booleans. */
export type PageAsk = { limit?: unknown; pagination?: unknown; depth?: unknown }

/** Staff and API keys get the larger page; the public and customers the smaller one. */
export const isStaffCaller = (collection: string | undefined): boolean => collection === 'users' || collection === 'integrations'

export function capsFor(collection: string | undefined, settings: { API_MAX_LIMIT: number; API_MAX_LIMIT_STAFF: number; API_MAX_DEPTH: number }): PageCaps {
  const maxLimit = isStaffCaller(collection) ? Math.max(settings.API_MAX_LIMIT, settings.API_MAX_LIMIT_STAFF) : settings.API_MAX_LIMIT
  return { maxLimit, maxDepth: settings.API_MAX_DEPTH }
}

const given = (value: unknown) => value !== undefined && value !== null && value !== ''

/** The depth refusal, for any read. */
export function depthRefusal(ask: PageAsk, caps: PageCaps): CapRefusal | null {
  if (!given(ask.depth) || !(Number(ask.depth) > caps.maxDepth)) return null
  return {
    code: 'depth_too_large',
    message: `depth may be at most ${caps.maxDepth}, got ${String(ask.depth)}`,
    details: { param: 'depth', max: caps.maxDepth },
  }
}

/** The page-size refusal of a list read: limit above the cap, limit=0 or pagination=false (both mean "everything"). */
export function limitRefusal(ask: PageAsk, caps: PageCaps): CapRefusal | null {
  const everything = given(ask.pagination) && String(ask.pagination) === 'false'
  const limit = given(ask.limit) ? Number(ask.limit) : null
  if (!everything && (limit === null || (limit !== 0 && !(limit > caps.maxLimit)))) return null
  const asked = everything ? 'pagination=false' : `limit=${String(ask.limit)}`
  return {
    code: 'limit_too_large',
    message: `${asked}: a page holds at most ${caps.maxLimit} documents; ask for limit=${caps.maxLimit}&page=2 and so on`,
    details: { param: everything ? 'pagination' : 'limit', max: caps.maxLimit },
  }
}
