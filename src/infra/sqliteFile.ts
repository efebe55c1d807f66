import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// SQLite creates its file but not the folders above it (error 14, SQLITE_CANTOPEN): make them before the adapter opens it.

/** The local file a SQLite URL names, or null for an in-memory or remote database. */
export function sqliteFilePath(url: string): string | null {
  if (!/^file:/i.test(url)) return null
  const rest = url.slice('file:'.length).split('?', 1)[0]
  if (rest === '' || rest === ':memory:') return null
  return rest.startsWith('//') ? fileURLToPath(url.split('?', 1)[0]) : path.resolve(decodeURIComponent(rest))
}

/** Creates the folder of the SQLite file `url` names (whatever else is configured); returns the URL unchanged. */
export function prepareSqliteFile(url: string): string {
  const file = sqliteFilePath(url)
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the database URL is configuration, not a request
  if (file) mkdirSync(path.dirname(file), { recursive: true })
  return url
}
