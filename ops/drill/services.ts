import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

// The drill's own services on this machine: a PostgreSQL cluster in a temporary folder, a redis-server and HAProxy,
// each on its own free port, so the shared services are never touched (ops/drill/README.md).

function postgresBin(name: string): string {
  for (const dir of ['/usr/local/bin', '/usr/local/pgsql/bin', ...postgresLibDirs()]) if (existsSync(path.join(dir, name))) return path.join(dir, name)
  throw new Error(`${name} not found in /usr/local/bin or /usr/lib/postgresql/*/bin: install PostgreSQL`)
}

function postgresLibDirs(): string[] {
  if (!existsSync('/usr/lib/postgresql')) return []
  return readdirSync('/usr/lib/postgresql')
    .sort()
    .reverse()
    .map((v) => `/usr/lib/postgresql/${v}/bin`)
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** Runs a PostgreSQL tool; as root, as the postgres user (initdb and postgres refuse root). */
function runPostgresTool(argv: string[]): void {
  const [bin, ...args] = argv
  const result = asRoot ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [bin, ...args].map(quote).join(' ')], { encoding: 'utf8' }) : spawnSync(bin, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`)
}

export type DrillPostgres = { url: string; restart(): void; stop(): void }

export function startPostgres(dir: string, port: number): DrillPostgres {
  mkdirSync(dir, { recursive: true })
  if (asRoot) chownSync(dir, uid('postgres'), gid('postgres'))
  const data = path.join(dir, 'data')
  runPostgresTool([postgresBin('initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`
  const ctl = (...args: string[]) => runPostgresTool([postgresBin('pg_ctl'), '-D', data, '-l', path.join(dir, 'postgres.log'), '-o', options, '-w', '-t', '60', ...args])
  ctl('start')
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => ctl('restart', '-m', 'fast'),
    stop: () => {
      try {
        ctl('stop', '-m', 'immediate')
      } catch {
        /* already stopped */
      }
    },
  }
}

function uid(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim())
}
function gid(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim())
}

export type DrillRedis = { url: string; start(): Promise<void>; stop(): Promise<void> }

export function redisServer(port: number, logFile: string): DrillRedis {
  let child: ChildProcess | null = null
  const stop = async () => {
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child!.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
    child = null
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const out = openSync(logFile, 'a')
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', out, out] })
      await waitForPort(port, 10_000)
    },
    stop,
  }
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const { connect } = await import('node:net')
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`)
}

/**
 * HAProxy (Debian's) round-robin over the CMS instances, as ops/haproxy/haproxy.cfg: to the ready ones (readiness
 * checked every second), to the live ones while none is ready (an outage both share: Redis, PostgreSQL).
 */
export function startHaproxy(dir: string, port: number, backends: number[]): ChildProcess {
  const file = path.join(dir, 'haproxy.cfg')
  writeFileSync(
    file,
    [
      'global',
      '  maxconn 2000',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      // A check answered within 5 s passes (the default, \`inter\`, fails a busy but healthy instance).
      '  timeout check 5s',
      '  retries 2',
      '  option redispatch',
      'frontend cms',
      `  bind 127.0.0.1:${port}`,
      '  use_backend cms if { nbsrv(cms) gt 0 }',
      '  default_backend cms_live',
      'backend cms',
      '  balance roundrobin',
      '  option httpchk GET /api/health/ready',
      '  default-server inter 1s fall 2 rise 2 check',
      ...backends.map((p, i) => `  server cms${i + 1} 127.0.0.1:${p}`),
      'backend cms_live',
      '  balance roundrobin',
      '  option httpchk GET /api/health',
      '  default-server inter 1s fall 2 rise 2 check',
      ...backends.map((p, i) => `  server cms${i + 1} 127.0.0.1:${p}`),
      '',
    ].join('\n'),
  )
  const bin = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy'
  const out = openSync(path.join(dir, 'haproxy.log'), 'a')
  return spawn(bin, ['-f', file, '-db'], { stdio: ['ignore', out, out] })
}

/** An app process (worker, scheduler, migrations) with the given script, its output in `<dir>/<name>.log`. */
export function startNode(dir: string, name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const out = openSync(path.join(dir, `${name}.log`), 'a')
  return spawn(process.execPath, ['--conditions=production', '--import', 'tsx', script], { env, stdio: ['ignore', out, out] })
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

/** Without HAProxy: a small node:http round robin that tries the next instance when one refuses the connection. */
export async function startNodeBalancer(port: number, backends: number[]): Promise<{ kill(): void }> {
  const http = await import('node:http')
  let next = 0
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const attempt = (tries: number) => {
        const target = backends[next++ % backends.length]
        const upstream = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        })
        upstream.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNREFUSED' && tries < backends.length) return attempt(tries + 1)
          if (!res.headersSent) res.writeHead(502).end()
          else res.destroy()
        })
        upstream.end(body)
      }
      attempt(1)
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { kill: () => void server.close() }
}

export const haproxyInstalled = (): boolean => existsSync('/usr/sbin/haproxy') || spawnSync('sh', ['-c', 'command -v haproxy']).status === 0

/** The storefront's standalone build (`next build` in storefront/, as the e2e suites and the Dockerfile make it), if any. */
export const storefrontBuilt = (root: string): boolean => existsSync(path.join(root, 'storefront/.next/standalone/storefront/server.js'))

/**
 * The built storefront as deployed (its standalone server), run from a copy in `dir` so its data cache starts empty,
 * with the CMS's address and the revalidation secret. Its output goes to `<dir>/storefront.log`.
 */
export function startStorefront(dir: string, root: string, port: number, env: { CMS_URL: string; REVALIDATE_SECRET: string }): ChildProcess {
  const copy = path.join(dir, 'storefront')
  cpSync(path.join(root, 'storefront/.next/standalone'), copy, { recursive: true, verbatimSymlinks: true })
  const out = openSync(path.join(dir, 'storefront.log'), 'a')
  return spawn(process.execPath, ['storefront/server.js'], {
    cwd: copy,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', APP_ENV: 'development', PORT: String(port), HOSTNAME: '127.0.0.1', ...env },
    stdio: ['ignore', out, out],
  })
}
