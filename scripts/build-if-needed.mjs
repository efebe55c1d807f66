// Builds a Next app only when its sources changed since the last build (a stamp of paths, sizes and mtimes).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

function walkSources(paths, visit) {
  const walk = (p) => {
    if (!existsSync(p)) return
    const s = statSync(p)
    if (s.isDirectory()) {
      if (/(^|\/)(node_modules|\.next[^/]*|data|media)$/.test(p)) return
      visit(p, s)
      for (const entry of readdirSync(p).sort()) walk(path.join(p, entry))
    } else visit(p, s)
  }
  paths.forEach(walk)
}

function stamp(paths) {
  const hash = createHash('sha1')
  walkSources(paths, (p, s) => {
    if (!s.isDirectory()) hash.update(`${p}:${s.size}:${Math.floor(s.mtimeMs)}\n`)
  })
  return hash.digest('hex')
}

// A build finished after every source (and folder, for deletions) last changed, e.g. by `npm run build` in CI.
function builtAfterSources(buildId, paths) {
  const built = statSync(buildId).mtimeMs
  let newest = 0
  walkSources(paths, (_p, s) => {
    newest = Math.max(newest, s.mtimeMs)
  })
  return newest < built
}

export const CMS_SOURCES = ['src', 'collections', 'plugins', 'payload.config.ts', 'next.config.mjs', 'package-lock.json']
export const STOREFRONT_SOURCES = [
  'app',
  'src',
  'lib',
  'components',
  'middleware.ts',
  'instrumentation.ts',
  'next.config.mjs',
  'next.config.ts',
  'package.json',
]

/**
 * Runs `npm run build` in `dir` unless its dist folder holds a build of the same sources. Returns true when it built.
 * The dist folder is `.next`, or `env.NEXT_DIST_DIR` (next.config reads the same variable), so two people working in
 * one checkout can each build their own. Two builds into one folder wait for each other (a lock folder beside it).
 */
export function buildIfNeeded(label, dir, sources, env = process.env) {
  const distName = env.NEXT_DIST_DIR || '.next'
  const distDir = path.join(dir, distName)
  const lock = `${distDir}.build-lock`
  acquire(lock, label)
  try {
    return buildUnlocked(label, dir, sources, env, distName, distDir)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

// A lock older than a build can take is left over from a killed run.
const STALE_LOCK_MS = 20 * 60_000

function acquire(lock, label) {
  for (let waited = 0; ; waited += 2) {
    try {
      mkdirSync(lock)
      return
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true })
      else if (waited % 60 === 0) console.log(`… waiting for another ${label} build into the same folder (${lock})`)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000)
    }
  }
}

function buildUnlocked(label, dir, sources, env, distName, distDir) {
  const stampFile = path.join(distDir, 'ir-build-stamp')
  const paths = sources.map((s) => path.join(dir, s))
  const current = stamp(paths)
  const buildId = path.join(distDir, 'BUILD_ID')
  const stamped = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current
  if (existsSync(buildId) && (stamped || builtAfterSources(buildId, paths))) {
    if (!stamped) writeFileSync(stampFile, current)
    console.log(`✔ ${label} build is up to date`)
    return false
  }
  console.log(`\n▶ Building the ${label} (a few minutes the first time)`)
  const { NEXT_DIST_DIR: _ignored, ...rest } = env
  const buildEnv = { ...rest, NODE_ENV: 'production', ...(distName === '.next' ? {} : { NEXT_DIST_DIR: distName }) }
  const result = spawnSync('npm', ['run', 'build'], { cwd: dir, stdio: 'inherit', env: buildEnv })
  if (result.status !== 0) throw new Error(`${label} build failed (exit ${result.status})`)
  writeFileSync(stampFile, current)
  return true
}
