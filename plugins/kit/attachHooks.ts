import type { CollectionConfig, GlobalConfig } from 'payload'

type Hooked = CollectionConfig | GlobalConfig
/** Hooks to add, by collection (or global) slug; each list is appended after the document's own hooks of that kind. */
export type HooksBySlug<T extends Hooked> = Record<string, NonNullable<T['hooks']>>

/** The one place hooks are attached to existing collections and globals, so no plugin repeats the spreading. */
export function attachHooks<T extends Hooked>(targets: T[], hooks: HooksBySlug<T>): T[] {
  return targets.map((target) => {
    const extra = hooks[target.slug] as Record<string, unknown[] | undefined> | undefined
    if (!extra) return target
    const merged: Record<string, unknown[]> = { ...(target.hooks as Record<string, unknown[]> | undefined) }
    for (const [kind, list] of Object.entries(extra)) {
      if (list?.length) merged[kind] = [...(merged[kind] ?? []), ...list]
    }
    return { ...target, hooks: merged }
  })
}
