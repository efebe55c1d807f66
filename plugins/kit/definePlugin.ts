import type { CollectionConfig, Config, Endpoint, Field, GlobalConfig, Payload, Plugin, TaskConfig } from 'payload'

import type { AdjustmentStep } from '../../src/commerce/pricingRegistry'
import type { CommerceEvents, CommerceEventType } from '../../src/commerce/events'
import { events } from '../../src/infra/events'
import { logger } from '../../src/infra/logger'
import { pricingRegistry } from '../../src/infra/pricing'
import { oncePerProcess, processSingleton } from '../../src/infra/processSingleton'
import { attachHooks, type HooksBySlug } from './attachHooks'

/** A domain-event handler; `payload` is the app the plugin was last initialised in. */
export type EventHandlers = Partial<{
  [K in CommerceEventType]: (event: CommerceEvents[K], ctx: { payload: Payload }) => void | Promise<void>
}>

/** Handlers called once per commit with all of its events of one type (a checkout's stock.changed for every SKU). */
export type EventBatchHandlers = Partial<{
  [K in CommerceEventType]: (events: CommerceEvents[K][], ctx: { payload: Payload }) => void | Promise<void>
}>

/** Everything a plugin may contribute. Schema parts are added even when the plugin is disabled; behaviour parts only when enabled. */
export interface PluginParts {
  /** Schema: the plugin's own collections (their hooks and endpoints are behaviour and dropped when disabled). */
  collections?: CollectionConfig[]
  /** Schema: fields added to existing (core) collections, by slug. */
  fields?: Record<string, Field[]>
  /** Schema: job tasks (Payload lists task slugs in the jobs table, so they stay registered; nothing queues them when disabled). */
  jobs?: TaskConfig[]
  /** Behaviour: hooks added to existing collections, by slug. */
  hooks?: HooksBySlug<CollectionConfig>
  /** Behaviour: hooks added to globals, by slug. */
  globalHooks?: HooksBySlug<GlobalConfig>
  /** Behaviour: root endpoints under /api. */
  endpoints?: Endpoint[]
  /** Behaviour: domain events (order.placed, order.transitioned, stock.changed, stock.low, catalogue.imported), subscribed once per process. */
  events?: EventHandlers
  /** Behaviour: domain events handed over together, all of one commit's events of a type in one call. */
  eventBatches?: EventBatchHandlers
  /** Behaviour: pricing adjustment steps (src/commerce/pricingRegistry.ts), registered once per process. */
  pricing?: AdjustmentStep[]
  /** Behaviour: runs after Payload has started. */
  onInit?: (payload: Payload) => void | Promise<void>
  /** Escape hatch for anything else (admin components, GraphQL queries); runs last, only when enabled. */
  extendConfig?: (config: Config) => Config
}

export type BaseOptions = { enabled?: boolean }
/** Options with every default filled in. */
export type Resolved<O extends BaseOptions> = Omit<O, 'enabled'> & { enabled: boolean }

/** The plugin as Payload sees it, carrying its name and resolved options (the contract kit and plugins/index.ts read them). */
export type KitPlugin<O extends BaseOptions = BaseOptions> = Plugin & { pluginName: string; options: Resolved<O> }

export interface PluginDefinition<O extends BaseOptions, D extends Partial<O>> {
  name: string
  /** Defaults, filled in once; `enabled` defaults to true. */
  defaults: D
  /** Checks the merged options (throw on nonsense); defaults to keeping them. */
  sanitize?: (options: Resolved<O & D>) => Resolved<O & D>
  build: (options: Resolved<O & D>) => PluginParts
}

export function resolveOptions<O extends BaseOptions, D extends Partial<O>>(def: PluginDefinition<O, D>, incoming: O = {} as O): Resolved<O & D> {
  const merged = { ...def.defaults, ...stripUndefined(incoming), enabled: incoming.enabled ?? true } as unknown as Resolved<O & D>
  return def.sanitize ? def.sanitize(merged) : merged
}

/**
 * A plugin is `(options) => (config) => config`. definePlugin fills the defaults once, adds the schema
 * (collections, fields, job tasks) whether or not the plugin is enabled, so turning it off never changes the
 * database, and attaches its behaviour (hooks, endpoints, events, pricing, onInit) only when it is enabled.
 */
export function definePlugin<O extends BaseOptions, D extends Partial<O> = Partial<O>>(def: PluginDefinition<O, D>) {
  return (incoming?: O): KitPlugin<O & D> => {
    const options = resolveOptions(def, incoming)
    const plugin = (config: Config): Config => applyParts(config, def.name, options.enabled, def.build(options))
    return Object.assign(plugin, { pluginName: def.name, options })
  }
}

function applyParts(config: Config, name: string, enabled: boolean, parts: PluginParts): Config {
  const own = (parts.collections ?? []).map((c) => (enabled ? c : { ...c, hooks: undefined, endpoints: undefined }))
  const withFields = (config.collections ?? []).map((c) => (parts.fields?.[c.slug] ? { ...c, fields: [...c.fields, ...parts.fields[c.slug]] } : c))
  const schema: Config = {
    ...config,
    collections: [...withFields, ...own],
    jobs: parts.jobs?.length ? { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), ...parts.jobs] } : config.jobs,
  }
  if (!enabled) return schema
  const existingOnInit = config.onInit
  const behaviour: Config = {
    ...schema,
    collections: attachHooks(schema.collections ?? [], parts.hooks ?? {}),
    globals: attachHooks(schema.globals ?? [], parts.globalHooks ?? {}),
    endpoints: [...(config.endpoints ?? []), ...(parts.endpoints ?? [])],
    onInit: async (payload) => {
      await existingOnInit?.(payload)
      startPlugin(name, payload, parts)
      await parts.onInit?.(payload)
    },
  }
  return parts.extendConfig ? parts.extendConfig(behaviour) : behaviour
}

type PayloadSlot = { current?: Payload }

/** Subscribes the plugin's event handlers and registers its pricing steps, once per process however often Payload starts. */
function startPlugin(name: string, payload: Payload, parts: PluginParts) {
  const slot = processSingleton<PayloadSlot>(`plugin.${name}.payload`, () => ({}))
  slot.current = payload
  oncePerProcess(`plugin.${name}.events`, () => {
    const run = async (type: string, handler: unknown, event: unknown) => {
      try {
        await (handler as (e: unknown, ctx: { payload: Payload }) => Promise<void>)(event, { payload: slot.current! })
      } catch (err) {
        logger().error({ err: { message: (err as Error).message }, plugin: name, event: type }, 'Plugin event handler failed')
      }
    }
    for (const [type, handler] of Object.entries(parts.events ?? {})) {
      events().subscribe(type as CommerceEventType, (event) => run(type, handler, event))
    }
    for (const [type, handler] of Object.entries(parts.eventBatches ?? {})) {
      events().subscribeBatch(type as CommerceEventType, (batch) => run(type, handler, batch))
    }
  })
  for (const step of parts.pricing ?? []) {
    if (
      !pricingRegistry()
        .steps()
        .some((s) => s.name === step.name)
    )
      pricingRegistry().registerAdjustment(step)
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
