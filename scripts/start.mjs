#!/usr/bin/env node
// `npm start`: the embedded quick start. Builds when the sources changed, applies migrations, seeds demo
// data on an empty database, then runs the CMS (CMS_PORT, 8000) and the storefront (STOREFRONT_PORT, 3000).
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { buildIfNeeded, CMS_SOURCES, STOREFRONT_SOURCES } from './build-if-needed.mjs'

const hasStorefront =
  existsSync(new URL('../storefront/next.config.mjs', import.meta.url)) || existsSync(new URL('../storefront/next.config.ts', import.meta.url))
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
process.chdir(root)
const env = { ...process.env, APP_ENV: process.env.APP_ENV ?? 'development', PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true' }
const cmsPort = env.CMS_PORT ?? '8000'
const storefrontPort = env.STOREFRONT_PORT ?? '3000'
// Not written into the CMS's environment: without CMS_URL it accepts any loopback address (src/infra/origins.ts).
const cmsUrl = env.CMS_URL ?? `http://localhost:${cmsPort}`
const storefrontUrl = env.STOREFRONT_URL ?? `http://localhost:${storefrontPort}`

// The CMS tells the storefront which pages to refresh, signed with REVALIDATE_SECRET. In development a missing
// one is generated once into the data folder, where the CMS finds it too (src/infra/env.ts); the storefront is
// given the same value. Staging and production refuse to start without one.
function developmentSecret(dataDir, name) {
  const file = path.resolve(dataDir, name)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
const revalidateSecret = env.REVALIDATE_SECRET || (env.APP_ENV === 'development' ? developmentSecret(env.DATA_DIR ?? 'data', 'revalidate-secret') : '')
// The storefront signs each shopper's address for the CMS's rate limits with CLIENT_ADDRESS_SECRET, generated the same way.
const clientAddressSecret =
  env.CLIENT_ADDRESS_SECRET || (env.APP_ENV === 'development' ? developmentSecret(env.DATA_DIR ?? 'data', 'client-address-secret') : '')

function run(label, cmd, args, options = {}) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...options.env }, cwd: options.cwd ?? root })
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status}).`)
    process.exit(result.status ?? 1)
  }
}

try {
  buildIfNeeded('CMS', root, CMS_SOURCES, env)
  if (hasStorefront) buildIfNeeded('storefront', path.join(root, 'storefront'), STOREFRONT_SOURCES, env)
} catch (err) {
  console.error(`✖ ${err.message}`)
  process.exit(1)
}

run('Applying database migrations', 'npm', ['run', '--silent', 'migrate'])
run('Seeding demo data (only what is missing)', 'npm', ['run', '--silent', 'seed'])

const children = []
function start(label, cmd, args, extraEnv = {}, cwd = root) {
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...env, NODE_ENV: 'production', ...extraEnv }, cwd })
  child.on('exit', (code, signal) => {
    console.log(`${label} stopped (${signal ?? code})`)
    shutdown(code ?? 0)
  })
  children.push(child)
}

// Each server is a node process of its own (no npm or npx in between), so the SIGTERM sent on stop reaches it
// and it drains; npm would exit at once and leave the server running on its port.
const nextBin = path.join(root, 'node_modules/next/dist/bin/next')
start('CMS', process.execPath, ['--conditions=production', '--import', 'tsx', 'src/server/main.ts'], { PORT: cmsPort, NODE_OPTIONS: '--no-deprecation' })
if (hasStorefront) {
  start(
    'Storefront',
    process.execPath,
    [nextBin, 'start', '-p', storefrontPort],
    { PORT: storefrontPort, CMS_URL: cmsUrl, REVALIDATE_SECRET: revalidateSecret, CLIENT_ADDRESS_SECRET: clientAddressSecret },
    path.join(root, 'storefront'),
  )
}

console.log(`
Ipswich Retail is starting:
  CMS admin    ${cmsUrl}/admin
  REST API     ${cmsUrl}/api/products
  API docs     ${cmsUrl}/api/docs  (OpenAPI: ${cmsUrl}/api/openapi.json)
  GraphQL      ${cmsUrl}/api/graphql
${hasStorefront ? `  Storefront   ${storefrontUrl}\n` : ''}  Mail         written to ${path.join(env.DATA_DIR ?? 'data', 'outbox')} (set SMTP_URL to send)
Press Ctrl+C to stop.`)

// Stops both servers and waits for them to drain (the CMS finishes requests in hand), then exits.
let stopping = false
function shutdown(code) {
  if (stopping) return
  stopping = true
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null)
  for (const child of running) child.kill('SIGTERM')
  const exited = running.map((child) => new Promise((resolve) => child.once('exit', resolve)))
  const limit = Number(env.SHUTDOWN_TIMEOUT_MS ?? 15_000) + 5_000
  setTimeout(() => process.exit(code), limit).unref()
  void Promise.all(exited).then(() => process.exit(code))
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))
