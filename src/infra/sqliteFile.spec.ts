import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { databaseAdapter } from './database'
import { loadEnv } from './env'
import { prepareSqliteFile, sqliteFilePath } from './sqliteFile'

const freshDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'ir-sqlite-')), 'data')

describe('prepareSqliteFile', () => {
  it('should create the data folder of the embedded database when the secrets are set and DATABASE_URL is not', () => {
    const dataDir = freshDir()
    // With every secret given, nothing else writes to the data folder (an unset secret is generated there).
    const settings = loadEnv({ PAYLOAD_SECRET: 'x'.repeat(40), REVALIDATE_SECRET: 'y'.repeat(40), CLIENT_ADDRESS_SECRET: 'z'.repeat(40), DATA_DIR: dataDir })
    expect(existsSync(dataDir)).toBe(false)
    databaseAdapter(settings)
    expect(existsSync(dataDir)).toBe(true)
  })

  it('should create nested folders for a relative file: URL', () => {
    const base = freshDir()
    const url = `file:${path.relative(process.cwd(), path.join(base, 'a', 'b', 'shop.db'))}`
    expect(prepareSqliteFile(url)).toBe(url)
    expect(existsSync(path.join(base, 'a', 'b'))).toBe(true)
  })

  it('should read file:// URLs and ignore in-memory and non-file URLs', () => {
    expect(sqliteFilePath('file:///srv/data/shop.db?mode=rwc')).toBe('/srv/data/shop.db')
    expect([sqliteFilePath('file::memory:'), sqliteFilePath('libsql://db.example'), sqliteFilePath('postgres://u@h/db')]).toEqual([null, null, null])
  })
})
