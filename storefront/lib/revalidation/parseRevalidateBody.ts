export interface RevalidateRequest {
  tags: string[]
  paths: string[]
}

export type Parsed = { ok: true; value: RevalidateRequest } | { ok: false; error: string }

const MAX_ITEMS = 200
const MAX_LENGTH = 256

function stringList(value: unknown, name: string, valid: (s: string) => boolean): string[] | string {
  if (value === undefined) return []
  if (!Array.isArray(value)) return `${name} must be a list of strings`
  if (value.length > MAX_ITEMS) return `${name} must have at most ${MAX_ITEMS} items`
  for (const item of value) {
    if (typeof item !== 'string' || item.length === 0 || item.length > MAX_LENGTH || !valid(item)) {
      return `${name} has an invalid item: ${JSON.stringify(item)?.slice(0, 80)}`
    }
  }
  return [...new Set(value as string[])]
}

/** `{ tags?: string[], paths?: string[] }` with at least one entry; paths start with "/". */
export function parseRevalidateBody(body: unknown): Parsed {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: 'body must be a JSON object' }
  const { tags, paths, ...rest } = body as { tags?: unknown; paths?: unknown }
  const unknown = Object.keys(rest)
  if (unknown.length > 0) return { ok: false, error: `unknown field ${unknown[0]}; send tags and/or paths` }
  const tagList = stringList(tags, 'tags', (s) => !/\s/.test(s))
  if (typeof tagList === 'string') return { ok: false, error: tagList }
  const pathList = stringList(paths, 'paths', (s) => s.startsWith('/') && !s.startsWith('//'))
  if (typeof pathList === 'string') return { ok: false, error: pathList }
  if (tagList.length + pathList.length === 0) return { ok: false, error: 'send at least one tag or path' }
  return { ok: true, value: { tags: tagList, paths: pathList } }
}
