import type { Config } from 'payload'

import { definePlugin, resolveOptions } from './definePlugin'

const hook = async () => undefined
const base = (): Config => ({ collections: [{ slug: 'products', fields: [{ name: 'title', type: 'text' }] }], endpoints: [] }) as unknown as Config

const examplePlugin = definePlugin<{ label?: string; enabled?: boolean }, { label: string }>({
  name: 'example',
  defaults: { label: 'Example' },
  build: (options) => ({
    collections: [{ slug: 'examples', fields: [{ name: 'label', type: 'text', defaultValue: options.label }], hooks: { afterChange: [hook] } }],
    fields: { products: [{ name: 'exampleNote', type: 'text' }] },
    hooks: { products: { afterChange: [hook] } },
    endpoints: [{ path: '/example', method: 'get', handler: async () => Response.json({}) }],
  }),
})
const apply = (options?: { label?: string; enabled?: boolean }) => examplePlugin(options)(base()) as Config

describe('definePlugin', () => {
  it('should fill defaults once and turn the plugin on unless told otherwise', () => {
    expect([examplePlugin().options, examplePlugin({ label: 'Mine', enabled: false }).options]).toEqual([
      { label: 'Example', enabled: true },
      { label: 'Mine', enabled: false },
    ])
  })

  it('should keep a default when an option is passed as undefined', () => {
    const options = resolveOptions<{ label?: string; enabled?: boolean }, { label: string }>(
      { name: 'x', defaults: { label: 'Example' }, build: () => ({}) },
      { label: undefined },
    )
    expect(options.label).toBe('Example')
  })

  it('should add collections, fields, hooks and endpoints when enabled', () => {
    const config = apply()
    expect([
      config.collections!.map((c) => c.slug),
      config.collections![0].fields.map((f) => (f as { name: string }).name),
      config.collections![0].hooks?.afterChange?.length,
      config.endpoints!.map((e) => e.path),
    ]).toEqual([['products', 'examples'], ['title', 'exampleNote'], 1, ['/example']])
  })

  it('should keep the same collections and fields but no hooks or endpoints when disabled', () => {
    const config = apply({ enabled: false })
    expect([
      config.collections!.map((c) => c.slug),
      config.collections![0].fields.map((f) => (f as { name: string }).name),
      config.collections![0].hooks,
      config.collections![1].hooks,
      config.endpoints,
    ]).toEqual([['products', 'examples'], ['title', 'exampleNote'], undefined, undefined, []])
  })

  it('should name itself for the contract kit', () => {
    expect(examplePlugin().pluginName).toBe('example')
  })
})
