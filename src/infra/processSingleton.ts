/**
 * The one place process-wide state lives. Next bundles the route code (admin, REST, GraphQL and the Payload
 * hooks they run) separately from the custom server in src/server, so one process loads a module such as this
 * one more than once, and a module-level variable would exist once per copy: two Redis clients, two event
 * buses, a cache version bumped in one copy and read in the other. Everything that must be one per process is
 * kept here instead, on globalThis under a `Symbol.for` key, which every copy of every module resolves to the
 * same slot.
 */
const slots = globalThis as unknown as Record<symbol, unknown>

/** The key of `name` in the process registry: the same symbol in every copy of every module. */
export function processKey(name: string): symbol {
  return Symbol.for(`ipswich-retail.${name}`)
}

/** The process's one `name`, created by `create` on first use (a null or undefined result is kept too). */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = processKey(name)
  if (!(key in slots)) slots[key] = create()
  return slots[key] as T
}

/** Replaces the process's `name` (the server installs its own logger before anything logs). */
export function setProcessSingleton<T>(name: string, value: T): void {
  slots[processKey(name)] = value
}

/** Forgets the process's `name` and hands it back, so the next use creates a new one (closing a client). */
export function dropProcessSingleton<T>(name: string): T | undefined {
  const key = processKey(name)
  const value = slots[key] as T | undefined
  delete slots[key]
  return value
}

/** Runs `fn` once per process, however many copies of the caller or Payload instances ask (event subscriptions). */
export function oncePerProcess(name: string, fn: () => void): void {
  processSingleton(name, () => {
    fn()
    return true
  })
}
