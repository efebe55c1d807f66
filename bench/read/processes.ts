import { fork, spawn, type ChildProcess } from 'node:child_process'
import { openSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '../..')

export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
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

export type Running = { url: string; stop(): Promise<void> }

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** The CMS production server (src/server/main.ts), its request log written to a file as in production. */
export async function startCms(env: Record<string, string>, logFile: string): Promise<Running> {
  const port = await freePort()
  // Lexical's Node entry has a top-level await that sometimes never settles under tsx; its production build has none.
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server, written there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : []
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', ...profile, 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, CMS_PORT: String(port), RUN_JOBS_IN_PROCESS: 'false' },
    // Straight to the file: piping through this process would tax the load generator.
    stdio: ['ignore', openSync(logFile, 'w'), openSync(logFile, 'a')],
  })
  const url = `http://127.0.0.1:${port}`
  await waitForHealth(url, child)
  return { url, stop: () => stopChild(child) }
}

/** The node:http replay server in its own process, so it never shares a core's event loop with the load generator. */
export async function startReplay(responsesFile: string): Promise<Running> {
  const port = await freePort()
  const child = fork(path.join(import.meta.dirname, 'replayServer.mjs'), [responsesFile, String(port)], { stdio: 'ignore' })
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('exit', (code) => reject(new Error(`replay server exited with ${code}`)))
  })
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) }
}
