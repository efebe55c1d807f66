import type { SanitizedConfig } from 'payload'

// What the guard knows about the API, built once from the Payload config so new collections are covered.

export type FieldInfo = {
  name: string
  type: string
  hasMany: boolean
  relationTo?: string | string[]
  options?: string[]
  fields?: FieldMap
  blocks?: Map<string, FieldMap>
}
export type FieldMap = Map<string, FieldInfo>

export type IdType = 'number' | 'text'

export type EndpointInfo = { method: string; path: string }

export type EntityInfo = {
  kind: 'collection' | 'global'
  slug: string
  fields: FieldMap
  idType: IdType
  versionIdType: IdType
  auth: boolean
  verify: boolean
  upload: false | { staticDir?: string; local: boolean }
  drafts: boolean
  versions: boolean
  /** False when the collection turns its REST endpoints off (Payload answers those 501). */
  rest: boolean
  endpoints: EndpointInfo[]
}

export type GuardSchema = {
  api: string
  graphQL: string
  maxDepth: number
  collections: Map<string, EntityInfo>
  globals: Map<string, EntityInfo>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Payload's field configs are a wide union, walked here by shape
type RawField = Record<string, any>

const optionValues = (options: unknown[]): string[] =>
  options.map((o) => (typeof o === 'object' && o !== null ? String((o as { value: unknown }).value) : String(o)))

export function describeFields(raw: RawField[] = []): FieldMap {
  const map: FieldMap = new Map()
  for (const f of raw) {
    if (!f.name || f.type === 'ui') continue
    const info: FieldInfo = { name: f.name, type: f.type, hasMany: Boolean(f.hasMany) }
    if (f.relationTo) info.relationTo = f.relationTo
    if (f.type === 'join' && typeof f.collection === 'string') info.relationTo = f.collection
    if (Array.isArray(f.options)) info.options = optionValues(f.options)
    if (f.flattenedFields ?? f.fields) info.fields = describeFields(f.flattenedFields ?? f.fields)
    if (Array.isArray(f.blocks)) {
      info.blocks = new Map(f.blocks.map((b: RawField) => [b.slug, describeFields(b.flattenedFields ?? b.fields)]))
    }
    map.set(f.name, info)
  }
  return map
}

const endpointsOf = (endpoints: unknown): EndpointInfo[] =>
  Array.isArray(endpoints) ? endpoints.map((e) => ({ method: String(e.method).toLowerCase(), path: String(e.path) })) : []

export function describeConfig(config: SanitizedConfig): GuardSchema {
  const defaultIdType: IdType = (config.db as { defaultIDType?: string })?.defaultIDType === 'text' ? 'text' : 'number'
  const collections = new Map<string, EntityInfo>()
  for (const c of config.collections) {
    const raw = c as unknown as RawField
    const upload = c.upload ? { staticDir: c.upload.staticDir, local: !c.upload.disableLocalStorage && !c.upload.handlers?.length } : (false as const)
    collections.set(c.slug, {
      kind: 'collection',
      slug: c.slug,
      fields: describeFields(raw.flattenedFields ?? c.fields),
      idType: raw.customIDType === 'text' ? 'text' : raw.customIDType === 'number' ? 'number' : defaultIdType,
      versionIdType: defaultIdType,
      auth: Boolean(c.auth),
      verify: Boolean(c.auth && c.auth.verify),
      upload,
      drafts: Boolean(c.versions && typeof c.versions === 'object' && c.versions.drafts),
      versions: Boolean(c.versions),
      rest: c.endpoints !== false,
      endpoints: endpointsOf(c.endpoints),
    })
  }
  const globals = new Map<string, EntityInfo>()
  for (const g of config.globals) {
    globals.set(g.slug, {
      kind: 'global',
      slug: g.slug,
      fields: describeFields((g as unknown as RawField).flattenedFields ?? g.fields),
      idType: defaultIdType,
      versionIdType: defaultIdType,
      auth: false,
      verify: false,
      upload: false,
      drafts: Boolean(g.versions && typeof g.versions === 'object' && g.versions.drafts),
      versions: Boolean(g.versions),
      rest: g.endpoints !== false,
      endpoints: endpointsOf(g.endpoints),
    })
  }
  return {
    api: config.routes?.api ?? '/api',
    graphQL: config.routes?.graphQL ?? '/graphql',
    maxDepth: config.maxDepth ?? 10,
    collections,
    globals,
  }
}
