/**
 * The contract test kit: `runPluginContract(subject)` inside a plugin's `*.int.spec.ts` boots Payload with the
 * plugin (on SQLite, or PostgreSQL when TEST_DATABASE_URL is set) and checks what every plugin owes the shop:
 * its collections answer over REST and appear in the GraphQL schema, nobody anonymous can write them, one
 * customer never sees another's documents, and turning the plugin off keeps the database schema as it is.
 * The rest of the contract, "the core suite passes with the plugin on", is the normal suite: plugins/index.ts
 * turns every first-party plugin on, and every suite boots that config.
 */
import type { Payload, Plugin } from 'payload'

import { bootPayload, type TestPayload } from '../../tests/helpers/payload'
import { restClient } from '../../tests/helpers/rest'
import { configureStore, customerToken, staffToken } from '../../tests/helpers/shop'
import type { KitPlugin } from './definePlugin'
import { schemaSignature } from './schemaSignature'

export { customerToken, staffToken } from '../../tests/helpers/shop'

type Id = number | string

export interface ContractCollection {
  slug: string
  /** A create body a signed-in user might send; sent anonymously it must be refused and store nothing. */
  sample: (payload: Payload) => Promise<Record<string, unknown>>
  /**
   * Creates a document of customer `customerId` that other customers must not see (a pending review, a
   * subscription). Omit only when the collection holds no customer data.
   */
  privateDoc?: (payload: Payload, customerId: Id) => Promise<{ id: Id }>
  /** Staff-only data (shoppers' emails): anonymous readers and customers list nothing. */
  staffOnly?: boolean
}

export interface PluginContractSubject {
  /** The plugin's factory, as plugins/index.ts calls it. */
  plugin: (options?: { enabled?: boolean }) => KitPlugin
  collections: ContractCollection[]
  /** Root endpoints (path under /api, method) the plugin adds: gone when disabled. */
  endpoints?: { path: string; method: 'get' | 'post' }[]
  /** The plugin's own cases, run against the same booted app (one Payload per test file). */
  more?: (app: () => ContractApp) => void
}

export type ContractApp = Awaited<ReturnType<typeof bootWithPlugin>> & { staff: string }

/** The app's plugins with this one in place of the first-party copy of the same name (or added to them). */
export async function appPluginsWith(plugin: KitPlugin): Promise<Plugin[]> {
  const { featurePlugins, pluginsWith } = await import('../index')
  const others = featurePlugins().filter((p) => (p as Partial<KitPlugin>).pluginName !== plugin.pluginName)
  return pluginsWith([...others, plugin])
}

/** Boots the app with `plugin` (and the other first-party plugins) on a fresh database, the store configured. */
export async function bootWithPlugin(plugin: KitPlugin): Promise<TestPayload & { api: Awaited<ReturnType<typeof restClient>> }> {
  // The list is built after bootPayload has set the environment the plugins' options read.
  const app = await bootPayload({}, { plugins: () => appPluginsWith(plugin) })
  await configureStore(app.payload)
  return { ...app, api: await restClient(app.payload.config) }
}

const queryNameOf = (slug: string) => slug.replace(/[-_]/g, '').toLowerCase()

export function runPluginContract(subject: PluginContractSubject): void {
  const name = subject.plugin().pluginName
  describe(`plugin contract: ${name}`, () => {
    let app: ContractApp
    let staff: string

    beforeAll(async () => {
      const booted = await bootWithPlugin(subject.plugin())
      // An admin: staff whose scopes cover every collection a plugin may add (its own policy is checked below and in the access matrix).
      staff = (await staffToken(booted.payload, 'admin')).token
      app = { ...booted, staff }
    })
    afterAll(async () => app?.close())

    it.each(subject.collections.map((c) => [c.slug]))('should answer staff listing %s over REST', async (slug) => {
      const res = await app.api.get(`/${slug}?limit=1`, { token: staff })
      expect([res.status, Array.isArray(res.json?.docs)]).toEqual([200, true])
    })

    it('should list every collection of the plugin as a GraphQL query', async () => {
      const res = await app.api.gql('{ __schema { queryType { fields { name } } } }', { token: staff })
      const queries = (res.json.data.__schema.queryType.fields as { name: string }[]).map((f) => f.name.toLowerCase())
      expect(subject.collections.map((c) => queries.includes(queryNameOf(c.slug)))).toEqual(subject.collections.map(() => true))
    })

    it.each(subject.collections.map((c) => [c.slug, c]))('should refuse an anonymous write to %s and store nothing', async (slug, collection) => {
      const before = await app.payload.count({ collection: slug as never })
      const res = await app.api.post(`/${slug}`, await (collection as ContractCollection).sample(app.payload))
      const after = await app.payload.count({ collection: slug as never })
      expect([[401, 403].includes(res.status), after.totalDocs]).toEqual([true, before.totalDocs])
    })

    const staffOnly = subject.collections.filter((c) => c.staffOnly)
    if (staffOnly.length) {
      it.each(staffOnly.map((c) => [c.slug]))('should show %s to staff only', async (slug) => {
        const customer = await customerToken(app.payload)
        const seen = async (token?: string) => {
          const res = await app.api.get(`/${slug}?limit=1`, { token })
          return res.status === 200 ? res.json.totalDocs : res.status
        }
        expect([await seen(), await seen(customer.token)]).toEqual([403, 403])
      })
    }

    const owned = subject.collections.filter((c) => c.privateDoc)
    if (owned.length)
      it.each(owned.map((c) => [c.slug, c]))('should not show %s of one customer to another customer or to anonymous readers', async (slug, collection) => {
        const owner = await customerToken(app.payload)
        const other = await customerToken(app.payload)
        const doc = await (collection as ContractCollection).privateDoc!(app.payload, owner.id)
        const asOwner = await app.api.get(`/${slug}/${doc.id}`, { token: owner.token })
        const asOther = await app.api.get(`/${slug}/${doc.id}`, { token: other.token })
        const listed = await app.api.get(`/${slug}?limit=100`, { token: other.token })
        const anonymous = await app.api.get(`/${slug}?limit=100`)
        const ids = (res: { json?: { docs?: { id: Id }[] } }) => (res.json?.docs ?? []).map((d) => String(d.id))
        expect({
          owner: asOwner.status,
          other: asOther.status,
          listed: ids(listed).includes(String(doc.id)),
          anonymous: ids(anonymous).includes(String(doc.id)),
        }).toEqual({
          owner: 200,
          other: 404,
          listed: false,
          anonymous: false,
        })
      })

    it('should keep the same database schema when disabled', async () => {
      const { buildAppConfig } = await import('../../payload.config')
      const enabled = await buildAppConfig(await appPluginsWith(subject.plugin()))
      const disabled = await buildAppConfig(await appPluginsWith(subject.plugin({ enabled: false })))
      const plain = schemaSignature(enabled)
      expect(schemaSignature(disabled)).toEqual(plain)
      expect(subject.collections.map((c) => plain.includes(`collection:${c.slug}:`) || plain.some((s) => s.startsWith(`collection:${c.slug}:`)))).toEqual(
        subject.collections.map(() => true),
      )
    })

    it('should add its endpoints only when enabled', async () => {
      const { buildAppConfig } = await import('../../payload.config')
      const disabled = await buildAppConfig(await appPluginsWith(subject.plugin({ enabled: false })))
      const has = (config: { endpoints: { path: string; method: string }[] }, e: { path: string; method: string }) =>
        config.endpoints.some((x) => x.path === e.path && x.method === e.method)
      const expected = subject.endpoints ?? []
      expect([expected.map((e) => has(app.payload.config, e)), expected.map((e) => has(disabled, e))]).toEqual([
        expected.map(() => true),
        expected.map(() => false),
      ])
    })

    subject.more?.(() => app)
  })
}
