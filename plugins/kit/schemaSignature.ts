import type { SanitizedConfig } from 'payload'

type AnyField = { name?: string; type: string; hasMany?: boolean; relationTo?: unknown; unique?: boolean; index?: boolean; options?: unknown[] } & Record<
  string,
  unknown
>

function fieldSignature(field: AnyField): string[] {
  const own = [
    field.name ?? '',
    field.type,
    field.hasMany ? 'many' : '',
    field.relationTo ? JSON.stringify(field.relationTo) : '',
    field.unique ? 'unique' : '',
    field.index ? 'index' : '',
    field.options ? JSON.stringify(field.options.map((o) => (typeof o === 'object' && o ? (o as { value: unknown }).value : o))) : '',
  ].join(':')
  const nested = ['fields', 'flattenedFields'].flatMap((key) => (Array.isArray(field[key]) ? (field[key] as AnyField[]).flatMap(fieldSignature) : []))
  const blocks = Array.isArray(field.blocks)
    ? (field.blocks as { slug: string; fields: AnyField[] }[]).flatMap((b) => b.fields.flatMap(fieldSignature).map((s) => `${b.slug}>${s}`))
    : []
  return [own, ...[...nested, ...blocks].map((s) => `${field.name ?? field.type}.${s}`)]
}

/**
 * What the database is built from: every collection, global and job task, and each field's name, type, relation,
 * options and indexes. Two configs with the same signature push the same tables and need no migration between them.
 */
export function schemaSignature(config: SanitizedConfig): string[] {
  const collections = config.collections.flatMap((c) => [
    `collection:${c.slug}:versions=${Boolean(c.versions)}:indexes=${JSON.stringify(c.indexes ?? [])}`,
    ...(c.flattenedFields as unknown as AnyField[]).flatMap(fieldSignature).map((s) => `${c.slug}/${s}`),
  ])
  const globals = config.globals.flatMap((g) => [
    `global:${g.slug}`,
    ...(g.flattenedFields as unknown as AnyField[]).flatMap(fieldSignature).map((s) => `${g.slug}/${s}`),
  ])
  const tasks = (config.jobs?.tasks ?? []).map((t) => `task:${t.slug}`)
  return [...collections, ...globals, ...tasks].sort()
}
