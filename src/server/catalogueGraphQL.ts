import { Kind, parse, type ArgumentNode, type FieldNode, type ObjectValueNode, type SelectionSetNode } from 'graphql'

import { remember } from '../infra/memo'
import { CATALOGUE_SORT_COLUMNS, type CatalogueSortField } from '../infra/search/catalogue'
import type { CatalogueQuery } from './catalogueQuery'

// The anonymous GraphQL `Products` listings the catalogue read model answers exactly as Payload's resolver would: one
// query operation with one `Products` field, literal arguments it knows, and a selection of the page's envelope and
// of product fields whose GraphQL value is the REST depth-1 document's value (scalars, the two groups, and the
// categories and pictures with their scalars). Anything else — variables, fragments, directives, `__typename`,
// another argument or field — is null: Payload answers it.

/** How a selected field's value is taken from the rendered document. */
type Shape = { kind: 'scalar'; required?: boolean } | { kind: 'date' } | { kind: 'object'; fields: Fields } | { kind: 'list'; fields: Fields }
type Fields = Readonly<Record<string, Shape>>

const scalar: Shape = { kind: 'scalar' }
const required: Shape = { kind: 'scalar', required: true }
const date: Shape = { kind: 'date' }

// From schema.graphql: `Media` without `sizes` and the storage fields, `Category` without its own relationships.
const MEDIA: Fields = {
  id: required,
  alt: required,
  filename: scalar,
  mimeType: scalar,
  filesize: scalar,
  width: scalar,
  height: scalar,
  focalX: scalar,
  focalY: scalar,
  url: scalar,
  thumbnailURL: scalar,
  createdAt: date,
  updatedAt: date,
}
const CATEGORY: Fields = { id: required, title: required, slug: scalar, description: scalar, createdAt: date, updatedAt: date }
const PRODUCT: Fields = {
  id: required,
  title: scalar,
  slug: scalar,
  sku: scalar,
  price: scalar,
  compareAtPrice: scalar,
  weight: scalar,
  featured: scalar,
  available: scalar,
  _status: scalar,
  createdAt: date,
  updatedAt: date,
  rating: { kind: 'object', fields: { average: scalar, count: scalar } },
  seo: { kind: 'object', fields: { title: scalar, description: scalar } },
  categories: { kind: 'list', fields: CATEGORY },
  images: { kind: 'list', fields: MEDIA },
}
const ENVELOPE = new Set(['totalDocs', 'hasNextPage', 'hasPrevPage', 'limit', 'nextPage', 'page', 'pagingCounter', 'prevPage', 'totalPages'])

/** A selection: response key, field name, and the nested selection of an object or list. */
export type Selection = { key: string; name: string; shape: Shape; fields: Selection[] }
/**
 * `fields`: the listing's selected fields in order (envelope fields and `docs`); `docs`: the documents' selection;
 * `docsKey`: one text per distinct documents' selection (memos of projections are keyed by it); `needsStock`: whether
 * the selection holds a stock figure (`available`), which a read fills in fresh.
 */
export type GraphQLCatalogueQuery = {
  query: CatalogueQuery
  key: string
  fields: { key: string; name: string }[]
  docs: Selection[]
  docsKey: string
  needsStock: boolean
}

/** The field selections of a set, or null when it holds anything but plain fields or repeats a response key. */
function plainFields(set: SelectionSetNode | undefined): FieldNode[] | null {
  if (!set) return null
  const keys = new Set<string>()
  for (const s of set.selections) {
    if (s.kind !== Kind.FIELD || (s.arguments?.length ?? 0) > 0 || (s.directives?.length ?? 0) > 0) return null
    const key = s.alias?.value ?? s.name.value
    if (keys.has(key)) return null
    keys.add(key)
  }
  return set.selections as FieldNode[]
}

function selectionOf(set: SelectionSetNode | undefined, fields: Fields): Selection[] | null {
  const nodes = plainFields(set)
  if (!nodes || nodes.length === 0) return null
  const out: Selection[] = []
  for (const node of nodes) {
    const name = node.name.value
    if (!Object.hasOwn(fields, name)) return null
    const shape = fields[name]!
    const nested = shape.kind === 'object' || shape.kind === 'list'
    if (nested !== !!node.selectionSet) return null
    const inner = nested ? selectionOf(node.selectionSet, shape.fields) : []
    if (!inner) return null
    out.push({ key: node.alias?.value ?? name, name, shape, fields: inner })
  }
  return out
}

const onlyKeys = (node: ObjectValueNode, name: string) => node.fields.length === 1 && node.fields[0]!.name.value === name

/**
 * `where: { slug: { equals: "…" } }` and/or `_status: { equals: published }` (all an anonymous reader sees anyway):
 * the slug (null: none), or undefined for any other condition.
 */
function slugOf(where: ObjectValueNode): string | null | undefined {
  let slug: string | null = null
  for (const f of where.fields) {
    const v = f.value
    if (v.kind !== Kind.OBJECT || !onlyKeys(v, 'equals')) return undefined
    const equals = v.fields[0]!.value
    if (f.name.value === 'slug' && equals.kind === Kind.STRING && equals.value !== '' && slug === null) slug = equals.value
    else if (!(f.name.value === '_status' && equals.kind === Kind.ENUM && equals.value === 'published')) return undefined
  }
  return slug
}

const WHOLE = /^[1-9]\d{0,5}$/

function argumentsOf(args: readonly ArgumentNode[], maxLimit: number): CatalogueQuery | null {
  const seen = new Map<string, ArgumentNode['value']>()
  for (const a of args) {
    if (seen.has(a.name.value)) return null
    seen.set(a.name.value, a.value)
  }
  for (const name of seen.keys()) if (!['limit', 'page', 'sort', 'where'].includes(name)) return null
  const int = (name: string, fallback: number) => {
    const v = seen.get(name)
    if (v === undefined) return fallback
    return v.kind === Kind.INT && WHOLE.test(v.value) ? Number(v.value) : null
  }
  const limit = int('limit', 10)
  const page = int('page', 1)
  if (limit === null || page === null || limit > maxLimit) return null
  const where = seen.get('where')
  const sort = seen.get('sort')
  const slug = where === undefined ? null : where.kind === Kind.OBJECT ? slugOf(where) : undefined
  if (slug === undefined) return null
  if (slug !== null) return page === 1 && sort === undefined ? { kind: 'slug', slug, limit } : null
  if (sort !== undefined && sort.kind !== Kind.STRING) return null
  const text = sort?.value ?? '-createdAt'
  const descending = text.startsWith('-')
  const field = descending ? text.slice(1) : text
  if (!Object.hasOwn(CATALOGUE_SORT_COLUMNS, field)) return null
  return { kind: 'list', limit, page, field: field as CatalogueSortField, descending }
}

type Body = { query?: unknown; variables?: unknown; operationName?: unknown }
const BODY_KEYS = new Set(['query', 'variables', 'operationName'])

/**
 * The content type Payload's GraphQL route (graphql-http) answers a query with for this Accept header, or null when
 * it would refuse it (406): the first acceptable media type in the list, UTF-8 only.
 */
export function graphQLContentType(accept: string | undefined): string | null {
  for (const item of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [mediaType, ...params] = item.split(';')
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8'
    if (mediaType === 'application/graphql-response+json' && charset === 'charset=utf-8') return 'application/graphql-response+json; charset=utf-8'
    if (['application/json', 'application/*', '*/*'].includes(mediaType!) && (charset === 'charset=utf-8' || charset === 'charset=utf8')) {
      return 'application/json; charset=utf-8'
    }
  }
  return null
}

const parsed = new Map<string, GraphQLCatalogueQuery | null>()
const PARSED_MAX = 500

/** The read-model query a GraphQL request body asks, or null when Payload must answer it. */
export function parseGraphQLCatalogueQuery(raw: string, maxLimit: number): GraphQLCatalogueQuery | null {
  return remember(parsed, raw, () => readBody(raw, maxLimit), PARSED_MAX)
}

function readBody(raw: string, maxLimit: number): GraphQLCatalogueQuery | null {
  let body: Body
  try {
    body = JSON.parse(raw) as Body
  } catch {
    return null
  }
  if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') return null
  if (Object.keys(body).some((k) => !BODY_KEYS.has(k))) return null
  const variables = body.variables
  if (variables !== undefined && variables !== null && !(typeof variables === 'object' && Object.keys(variables).length === 0)) return null
  if (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== 'string') return null
  let document
  try {
    document = parse(body.query, { noLocation: true })
  } catch {
    return null
  }
  if (document.definitions.length !== 1) return null
  const op = document.definitions[0]!
  if (op.kind !== Kind.OPERATION_DEFINITION || op.operation !== 'query') return null
  if ((op.variableDefinitions?.length ?? 0) > 0 || (op.directives?.length ?? 0) > 0) return null
  if (typeof body.operationName === 'string' && body.operationName !== '' && op.name?.value !== body.operationName) return null
  const top = op.selectionSet.selections
  if (top.length !== 1 || top[0]!.kind !== Kind.FIELD) return null
  const products = top[0]
  if (products.name.value !== 'Products' || (products.directives?.length ?? 0) > 0) return null
  const query = argumentsOf(products.arguments ?? [], maxLimit)
  const fields = plainFields(products.selectionSet)
  if (!query || !fields || fields.length === 0) return null
  let docs: Selection[] = []
  for (const f of fields) {
    if (f.name.value === 'docs') {
      const selected = selectionOf(f.selectionSet, PRODUCT)
      if (!selected) return null
      docs = selected
    } else if (!ENVELOPE.has(f.name.value) || f.selectionSet) return null
  }
  return {
    query,
    key: products.alias?.value ?? 'Products',
    fields: fields.map((f) => ({ key: f.alias?.value ?? f.name.value, name: f.name.value })),
    docs,
    docsKey: JSON.stringify(docs, (k, v: unknown) => (k === 'shape' ? undefined : v)),
    needsStock: docs.some((d) => d.name === 'available'),
  }
}

/** Thrown when a document cannot give the selected value as GraphQL would (Payload answers instead). */
export class NotProjectable extends Error {}

function project(value: unknown, selection: Selection[]): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new NotProjectable('not a document')
  const doc = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const s of selection) {
    const v = doc[s.name]
    const shape = s.shape
    if (shape.kind === 'scalar') {
      if (v !== undefined && v !== null && typeof v === 'object') throw new NotProjectable(s.name)
      if (shape.required && (v === undefined || v === null)) throw new NotProjectable(s.name)
      out[s.key] = v ?? null
    } else if (shape.kind === 'date') {
      if (v === undefined || v === null) out[s.key] = null
      else {
        // graphql-scalars' DateTime parses the text and serialises a Date.
        const d = typeof v === 'string' ? new Date(v) : null
        if (!d || Number.isNaN(d.getTime())) throw new NotProjectable(s.name)
        out[s.key] = d.toISOString()
      }
    } else if (shape.kind === 'object') {
      out[s.key] = v === undefined || v === null ? null : project(v, s.fields)
    } else {
      // A relationship left as an id at depth 1 (not found, or not readable) is resolved differently by GraphQL.
      if (v === undefined || v === null) out[s.key] = null
      else if (!Array.isArray(v)) throw new NotProjectable(s.name)
      else out[s.key] = v.map((item) => project(item, s.fields))
    }
  }
  return out
}

/** One document's GraphQL value as JSON, from its REST depth-1 JSON: the selected fields, in selection order. */
export function projectDocument(q: Pick<GraphQLCatalogueQuery, 'docs'>, json: string): string {
  return JSON.stringify(project(JSON.parse(json), q.docs))
}

/**
 * Payload's GraphQL answer, from the page's envelope (REST's, key for key) and its documents' projections
 * (`projectDocument`), in selection order: the same text as JSON.stringify of the whole answer (aliases are GraphQL
 * names, never integer-like keys that an object would reorder).
 */
export function graphQLAnswer(q: GraphQLCatalogueQuery, envelope: Record<string, unknown>, projected: string[]): string {
  const fields = q.fields.map(
    ({ key, name }) => `${JSON.stringify(key)}:${name === 'docs' ? `[${projected.join(',')}]` : JSON.stringify(envelope[name] ?? null)}`,
  )
  return `{"data":{${JSON.stringify(q.key)}:{${fields.join(',')}}}}`
}
