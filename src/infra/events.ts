import { createEventBus, type EventBus } from '../commerce/events'
import { processSingleton } from './processSingleton'

// One bus per process: Next's bundled route code and the custom server load this module separately.
export function events(): EventBus {
  return processSingleton('events', () => createEventBus())
}
