import { createEventBus, type EventBus } from '../commerce/events'

// One bus per process, kept on globalThis: Next's bundled route code and the custom server load this module separately.
const key = Symbol.for('ipswich-retail.events')
const holder = globalThis as unknown as Record<symbol, EventBus | undefined>

export function events(): EventBus {
  holder[key] ??= createEventBus()
  return holder[key]!
}
