import { processSingleton } from '../processSingleton'

type Id = number | string

export interface ImportProgress {
  processed: number
  total: number
}

/**
 * How far a running import has got. Kept in memory, not in the database: the import holds its transaction open until
 * the end (SQLite's single writer would make a progress write wait for it), and the job runs in the CMS process.
 */
export function importProgress() {
  const table = processSingleton('importProgress', () => new Map<string, ImportProgress>())
  return {
    start(id: Id, total: number) {
      table.set(String(id), { processed: 0, total })
    },
    advance(id: Id, by = 1) {
      const entry = table.get(String(id))
      if (entry) entry.processed = Math.min(entry.total, entry.processed + by)
    },
    read(id: Id): ImportProgress | null {
      return table.get(String(id)) ?? null
    },
    finish(id: Id) {
      table.delete(String(id))
    },
  }
}
