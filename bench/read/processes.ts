import { fork, spawn, type ChildProcess } from 'node:child_process'
import { openSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '../..')

const listens = (port: number) =>
  new Promise<number | null>((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(null))
    probe.listen(port, '127.0.0.1', () => {
      const { port: got } = probe.address() as { port: number }
      probe.close(() => resolve(got))
    })
  })

/** A free port: the first free one from BENCH_PORT_BASE (a range of 100) when set, else one the system picks. */
export async function freePort(): Promise<number> {
  const base = Number(process.env.BENCH_PORT_BASE ?? 0)
  for (let port = base; base > 0 && port < base + 100; port++) if ((await listens(port)) !== null) return port
  if (base > 0) throw new Error(`no free port in ${base}–${base + 99}`)
  return (await listens(0))!
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the CMS exited with ${child.exitCode} before it was healthy`)
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the CMS at ${url} was not healthy within ${timeoutMs} ms`)
}

export type Running = { url: string; pid: number; stop(): Promise<void> }

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/**
 * The CMS production server (src/server/main.ts), its request log written to a file as in production. `dir`: another
 * checkout of the project, built (a baseline), run the same way.
 */
export async function startCms(env: Record<string, string>, logFile: string, dir = root): Promise<Running> {
  const port = await freePort()
  // Lexical's Node entry has a top-level await that sometimes never settles under tsx; its production build has none.
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server, written there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : []
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', ...profile, 'src/server/main.ts'], {
    cwd: dir,
    env: { ...process.env, ...env, CMS_PORT: String(port), RUN_JOBS_IN_PROCESS: 'false' },
    // Straight to the file: piping through this process would tax the load generator.
    stdio: ['ignore', openSync(logFile, 'w'), openSync(logFile, 'a')],
  })
  const url = `http://127.0.0.1:${port}`
  await waitForHealth(url, child)
  return { url, pid: child.pid!, stop: () => stopChild(child) }
}

/** The node:http replay server in its own process, so it never shares a core's event loop with the load generator. */
export async function startReplay(responsesFile: string): Promise<Running> {
  const port = await freePort()
  const child = fork(path.join(import.meta.dirname, 'replayServer.mjs'), [responsesFile, String(port)], { stdio: 'ignore' })
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('exit', (code) => reject(new Error(`replay server exited with ${code}`)))
  })
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopChild(child) }
}
