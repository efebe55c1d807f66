import type { SanitizedConfig } from 'payload'

/** Our real collections and globals, sanitized by Payload on a stub database adapter: what the request guard is built from. */
export async function shopConfigWithoutDatabase(): Promise<SanitizedConfig> {
  const { buildConfig } = await import('payload')
  const { collections } = await import('../../src/collections')
  const { StoreSettings } = await import('../../src/globals/StoreSettings')
  const { lexicalEditor } = await import('@payloadcms/richtext-lexical')
  const db = { name: 'stub', defaultIDType: 'number', init: () => ({}) } as never
  return buildConfig({
    secret: 'x'.repeat(32),
    db,
    editor: lexicalEditor(),
    collections,
    globals: [StoreSettings],
    upload: { limits: { fileSize: 1000 } },
  })
}
