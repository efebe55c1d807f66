import type { EntityInfo, FieldInfo, FieldMap, GuardSchema } from './schema'

// Resolves a query path (`variants.sku`, `categories.slug`, `version.title`) to the field it names.
// Undefined means "not known here": the guard lets it through and Payload answers.

const field = (name: string, type: string, relationTo?: string): FieldInfo => ({ name, type, hasMany: false, relationTo })

export const idField = (entity: EntityInfo, versionId = false): FieldInfo =>
  (versionId ? entity.versionIdType : entity.idType) === 'number' ? field('id', 'id', entity.slug) : field('id', 'text')

function versionMeta(entity: EntityInfo, name: string): FieldInfo | undefined {
  switch (name) {
    case 'id':
      return idField(entity, true)
    case 'parent':
      return idField(entity)
    case 'latest':
    case 'autosave':
    case 'snapshot':
      return field(name, 'checkbox')
    case 'createdAt':
    case 'updatedAt':
      return field(name, 'date')
    case 'publishedLocale':
      return field(name, 'text')
    default:
      return undefined
  }
}

function blockFieldNamed(info: FieldInfo, name: string): FieldInfo | undefined {
  if (name === 'blockType' || name === 'blockName') return field(name, 'text')
  for (const fields of info.blocks?.values() ?? []) {
    const found = fields.get(name)
    if (found) return found
  }
  return undefined
}

export function resolvePath(schema: GuardSchema, entity: EntityInfo, path: string, versions = false): FieldInfo | undefined {
  let segments = path.split('.')
  if (versions) {
    if (segments[0] !== 'version') return segments.length === 1 ? versionMeta(entity, segments[0]) : undefined
    segments = segments.slice(1)
  }
  let current: EntityInfo = entity
  let fields: FieldMap = entity.fields
  let container: FieldInfo | undefined
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]
    const last = i === segments.length - 1
    if (container?.type === 'array' && /^\d+$/.test(seg)) continue
    let found = container?.type === 'blocks' ? blockFieldNamed(container, seg) : fields.get(seg)
    if (!found && seg === 'id' && !container) found = idField(current)
    if (!found) return undefined
    if (last) return found
    if (['group', 'tab', 'array', 'collapsible', 'row'].includes(found.type) && found.fields) {
      fields = found.fields
      container = found
    } else if (found.type === 'blocks') {
      container = found
    } else if ((found.type === 'relationship' || found.type === 'upload') && typeof found.relationTo === 'string') {
      const related = schema.collections.get(found.relationTo)
      if (!related) return undefined
      current = related
      fields = related.fields
      container = undefined
    } else if (found.type === 'json' || found.type === 'richText') {
      // A path inside a JSON value; an index segment there (`cart.0.quantity`) fails in SQL on both adapters.
      const inner = segments.slice(i + 1)
      return field(path, found.type === 'json' && !inner.some((s) => /^\d+$/.test(s)) ? 'jsonPath' : 'opaquePath')
    } else {
      return undefined
    }
  }
  return undefined
}
