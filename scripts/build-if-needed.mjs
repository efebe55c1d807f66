// Builds a Next app only when its sources changed since the last build (a stamp of paths, sizes and mtimes).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

function stamp(paths) {
  const hash = createHash('sha1')
  const walk = (p) => {
    if (!existsSync(p)) return
    const s = statSync(p)
    if (s.isDirectory()) {
      if (/(^|\/)(node_modules|\.next[^/]*|data|media)$/.test(p)) return
      for (const entry of readdirSync(p).sort()) walk(path.join(p, entry))
    } else hash.update(`${p}:${s.size}:${Math.floor(s.mtimeMs)}\n`)
  }
  paths.forEach(walk)
  return hash.digest('hex')
}

export const CMS_SOURCES = ['src', 'collections', 'plugins', 'payload.config.ts', 'next.config.mjs', 'package-lock.json']
export const STOREFRONT_SOURCES = ['app', 'src', 'lib', 'components', 'middleware.ts', 'instrumentation.ts', 'next.config.mjs', 'next.config.ts', 'package.json']

/** Runs `npm run build` in `dir` unless `.next` holds a build of the same sources. Returns true when it built. */
export function buildIfNeeded(label, dir, sources, env = process.env) {
  const distDir = path.join(dir, '.next')
  const stampFile = path.join(distDir, 'ir-build-stamp')
  const current = stamp(sources.map((s) => path.join(dir, s)))
  if (existsSync(path.join(distDir, 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) {
    console.log(`✔ ${label} build is up to date`)
    return false
  }
  console.log(`\n▶ Building the ${label} (a few minutes the first time)`)
  const { NEXT_DIST_DIR: _ignored, ...rest } = env
  const result = spawnSync('npm', ['run', 'build'], { cwd: dir, stdio: 'inherit', env: { ...rest, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error(`${label} build failed (exit ${result.status})`)
  writeFileSync(stampFile, current)
  return true
}
