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
  acquireBuildLock(lock, label)
  try {
    return buildUnlocked(label, dir, sources, env, distName, distDir)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

// Between making the lock folder and writing its owner, a lock has no owner for a moment; one that stays ownerless
// longer was left by a run killed in that moment.
const OWNERLESS_GRACE_MS = 10_000

/** Whether the process that took this lock is gone (Ctrl+C or a kill during a build never reaches `finally`). */
function abandoned(lock) {
  let owner = NaN
  try {
    owner = Number(readFileSync(path.join(lock, 'owner'), 'utf8'))
  } catch {
    // No owner yet: just taken, or taken by an older version of this script.
  }
  if (!Number.isInteger(owner) || owner <= 0) return Date.now() - statSync(lock).mtimeMs > OWNERLESS_GRACE_MS
  try {
    process.kill(owner, 0)
    return false
  } catch (error) {
    // EPERM: alive, under another user.
    return error.code === 'ESRCH'
  }
}

/** Takes the build lock folder, waiting while a live process holds it; one left by a dead process is taken over. */
export function acquireBuildLock(lock, label) {
  for (let waited = 0; ; waited += 2) {
    try {
      mkdirSync(lock)
      writeFileSync(path.join(lock, 'owner'), String(process.pid))
      return
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      let gone = false
      try {
        gone = abandoned(lock)
      } catch {
        // Released while we looked: try again at once.
        continue
      }
      if (gone) {
        console.log(`… a ${label} build lock left by a stopped run (${lock}): taking it over`)
        rmSync(lock, { recursive: true, force: true })
        continue
      }
      if (waited % 60 === 0) console.log(`… waiting for another ${label} build into the same folder (${lock})`)
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
