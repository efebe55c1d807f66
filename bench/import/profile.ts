// Times the apply path phase by phase, in process (no build): PROFILE_PRODUCTS products × 4 sizes, on SQLite or, with
// PROFILE_DATABASE_URL=postgres://…, on a fresh PostgreSQL database. Usage: npx tsx bench/import/profile.ts
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

const PRODUCTS = Number(process.env.PROFILE_PRODUCTS ?? 500)
const SIZES = ['S', 'M', 'L', 'XL']
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ir-import-profile-'))
const server = process.env.PROFILE_DATABASE_URL
const dbName = `ir_import_profile_${process.pid}`

async function database() {
  if (!server) return `file:${path.join(tmp, 'profile.db')}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${dbName}`)
  await admin.end()
  const url = new URL(server)
  url.pathname = `/${dbName}`
  return url.toString()
}

function csv() {
  const rows = ['slug,title,status,price,weight,featured,sku,variant_title,option1_name,option1_value,stock,low_stock_threshold']
  for (let p = 1; p <= PRODUCTS; p++) {
    for (const [i, size] of SIZES.entries()) {
      const first = i === 0
      rows.push(
        `bench-tee-${p},${first ? `Bench tee ${p}` : ''},${first ? 'published' : ''},${first ? (10 + (p % 40)).toFixed(2) : ''},${first ? 200 : ''},${first ? 'no' : ''},BT-${p}-${size},${size},Size,${size},${(p + i) % 50},3`,
      )
    }
  }
  return rows.join('\n')
}

Object.assign(process.env, {
  APP_ENV: 'development',
  DATABASE_URL: await database(),
  DB_PUSH: 'true',
  DATA_DIR: tmp,
  MEDIA_DIR: path.join(tmp, 'media'),
  PAYLOAD_SECRET: 'profile-secret-0123456789abcdef0123456789',
  LOG_LEVEL: 'error',
  RUN_JOBS_IN_PROCESS: 'false',
  PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
})
const { getPayload } = await import('payload')
const { default: config } = await import('../../payload.config')
const { readImportFile, planImport, snapshotQuery } = await import('../../src/commerce/csv')
const { loadSnapshot } = await import('../../src/infra/catalogueCsv/snapshot')
const { applyImport } = await import('../../src/infra/catalogueCsv/apply')
const payload = await getPayload({ config })
try {
  const file = readImportFile('products', new TextEncoder().encode(csv()))
  let t = performance.now()
  const planned = planImport(file, await loadSnapshot(payload, undefined, snapshotQuery(file)))
  console.log(`preview plan: ${Math.round(performance.now() - t)} ms`)
  t = performance.now()
  const result = await applyImport(payload, file, {
    importId: 1,
    by: null,
    fileName: 'profile.csv',
    fingerprint: planned.fingerprint,
    onProgress: () => {},
    onPhase: (name, ms) => console.log(`  ${name}: ${Math.round(ms)} ms`),
  })
  const total = performance.now() - t
  console.log(
    JSON.stringify(
      { db: server ? 'postgres' : 'sqlite', rows: file.rows, totalMs: Math.round(total), rowsPerSecond: Math.round(file.rows / (total / 1000)), result },
      null,
      2,
    ),
  )
} finally {
  await payload.destroy().catch(() => {})
  if (server) {
    const admin = new pg.Client({ connectionString: server })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await admin.end()
  }
  rmSync(tmp, { recursive: true, force: true })
  process.exit(0)
}
