import { configToJSONSchema, type SanitizedConfig } from 'payload'
import { z } from 'zod'

// JSON Schema pieces of the OpenAPI document: the collections' and globals' documents from Payload's own
// fields → JSON Schema (the one payload-types.ts is generated from), and our zod schemas through zod's toJSONSchema.

export type JsonSchema = Record<string, unknown>

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); `input` for what a client sends, `output` for answers. */
export function zodSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema
  return rest
}

// Payload's schema targets TypeScript generation: refs point at `#/definitions`, `tsType` is a generator hint, and
// `required` lists fields a response may still leave out (field access, `select`, `depth: 0` on joins).
function clean(value: unknown, keepRequired: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => clean(v, keepRequired))
  if (!value || typeof value !== 'object') return value
  const out: JsonSchema = {}
  const { type, enum: choices } = value as { type?: unknown; enum?: unknown[] }
  // A select that may be empty is typed ['string', 'null'] but its enum leaves null out.
  if (Array.isArray(type) && type.includes('null') && Array.isArray(choices) && !choices.includes(null)) out.enum = [...choices, null]
  for (const [key, v] of Object.entries(value)) {
    if (key === 'enum' && out.enum) continue
    if (key === 'tsType' || (key === 'required' && Array.isArray(v) && !keepRequired)) continue
    if (key === '$ref' && typeof v === 'string') out.$ref = v.replace('#/definitions/', '#/components/schemas/')
    else out[key] = clean(v, keepRequired)
  }
  return out
}

/** Every collection and global document as a component schema named by its slug. */
export function entitySchemas(config: SanitizedConfig): Record<string, JsonSchema> {
  const defaultIDType = config.db?.defaultIDType === 'text' ? 'text' : 'number'
  const definitions = (configToJSONSchema(config, defaultIDType).definitions ?? {}) as Record<string, unknown>
  const slugs = new Set<string>([...config.collections.map((c) => c.slug), ...config.globals.map((g) => g.slug)])
  const schemas: Record<string, JsonSchema> = {}
  const globals = new Set<string>(config.globals.map((g) => g.slug))
  for (const [name, schema] of Object.entries(definitions)) {
    if (globals.has(name)) schemas[name] = withGlobalType(clean(schema, false) as JsonSchema)
    else if (slugs.has(name)) schemas[name] = clean(schema, false) as JsonSchema
    else if (!name.endsWith('_select') && !name.startsWith('Task') && name !== 'auth') schemas[name] = clean(schema, false) as JsonSchema
  }
  return schemas
}

// A global's answer also names the global.
const withGlobalType = (schema: JsonSchema): JsonSchema => ({ ...schema, properties: { ...(schema.properties as object), globalType: { type: 'string' } } })

export const errorSchema: JsonSchema = {
  type: 'object',
  description: 'Every 4xx and 5xx answer (docs/errors.md). Payload’s own answers also keep their `errors` array.',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', pattern: '^[a-z][a-z_]*$', description: 'Stable: branch on it' },
        message: { type: 'string', description: 'For people; may be reworded' },
        details: { description: 'Optional: `[{ field, message }]` for field problems, or an object named in docs/errors.md' },
      },
    },
    errors: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, message: { type: 'string' } } } },
  },
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const paging = {
  totalDocs: { type: 'integer' },
  limit: { type: 'integer' },
  totalPages: { type: 'integer' },
  page: { type: 'integer' },
  pagingCounter: { type: 'integer' },
  hasPrevPage: { type: 'boolean' },
  hasNextPage: { type: 'boolean' },
  prevPage: { type: ['integer', 'null'] },
  nextPage: { type: ['integer', 'null'] },
}
const version = (name: string) => ({
  type: 'object',
  properties: { id: { type: ['integer', 'string'] }, parent: {}, version: ref(name), createdAt: { type: 'string' }, updatedAt: { type: 'string' } },
})

// A logged-in user is its document plus `collection` and `_strategy`; the document schema forbids extra properties.
const user = (name: string) => ({
  type: 'object',
  description: `The ${name} document, with \`collection\` and \`_strategy\``,
  properties: { id: { type: ['integer', 'string'] } },
})

/** The answer schema of one of Payload's operations on the entity `name`. */
export function answerSchema(kind: string, name: string): JsonSchema {
  const looseObject = { type: 'object' }
  switch (kind) {
    case 'doc':
      return ref(name)
    case 'docMessage':
      return { type: 'object', required: ['doc'], properties: { doc: ref(name), message: { type: 'string' } } }
    case 'page':
      return { type: 'object', required: ['docs', 'totalDocs'], properties: { docs: { type: 'array', items: ref(name) }, ...paging } }
    case 'bulk':
      return {
        type: 'object',
        required: ['docs'],
        properties: { docs: { type: 'array', items: ref(name) }, errors: { type: 'array' }, message: { type: 'string' } },
      }
    case 'globalUpdate':
      return { type: 'object', required: ['result'], properties: { result: ref(name), message: { type: 'string' } } }
    case 'count':
      return { type: 'object', required: ['totalDocs'], properties: { totalDocs: { type: 'integer' } } }
    case 'auth':
      return {
        type: 'object',
        properties: {
          user: user(name),
          token: { type: 'string' },
          exp: { type: 'integer' },
          message: { type: 'string' },
          twoFactor: {
            type: 'string',
            enum: ['verify', 'enrol'],
            description: 'The session waits for its second factor: POST /api/users/two-factor/verify (or /enable)',
          },
        },
      }
    case 'me':
      return {
        type: 'object',
        properties: { user: { oneOf: [user(name), { type: 'null' }] }, token: { type: 'string' }, exp: { type: 'integer' }, collection: { type: 'string' } },
      }
    case 'message':
      return { type: 'object', properties: { message: { type: 'string' } } }
    case 'version':
      return version(name)
    case 'versionPage':
      return { type: 'object', required: ['docs'], properties: { docs: { type: 'array', items: version(name) }, ...paging } }
    default:
      return looseObject
  }
}
