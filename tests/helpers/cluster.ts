import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from './smtp'

const root = path.resolve(import.meta.dirname, '../..')

export type Instance = { url: string; child: ChildProcess; log: () => string; stop(): Promise<void> }

/** A CMS instance in its own process (tests/helpers/clusterInstance.ts) with this environment; resolves once it serves. */
export async function startInstance(name: string, env: NodeJS.ProcessEnv, args: string[] = [], timeoutMs = 180_000, logFile?: string): Promise<Instance> {
  // One node process (tsx as an import hook, not its CLI's wrapper), so a signal reaches the server itself.
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'tests/helpers/clusterInstance.ts', ...args], {
    cwd: root,
    env: { ...env, NODE_OPTIONS: '--no-deprecation' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const keep = (c: Buffer) => {
    out += c.toString('utf8')
    if (logFile) appendFileSync(logFile, c)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${out.slice(-3000)}`)), timeoutMs)
    const look = () => {
      const line = /\{"url":"([^"]+)"\}/.exec(out)
      if (line) {
        clearTimeout(timer)
        resolve(line[1])
      }
    }
    child.stdout!.on('data', look)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited (${code}) before serving:\n${out.slice(-3000)}`))
    })
  })
  return {
    url,
    child,
    log: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => (clearTimeout(timer), resolve()))
        child.kill('SIGTERM')
      }),
  }
}

export type TestS3 = { endpoint: string; bucket: string; dir: string; close(): Promise<void> }

/** s3rver (an S3-compatible server from npm) on a free loopback port, with one empty bucket. */
export async function startS3(bucket = 'media'): Promise<TestS3> {
  const { default: S3rver } = (await import('s3rver')) as {
    default: new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ir-s3-'))
  mkdirSync(dir, { recursive: true })
  const port = await freePort()
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: dir, configureBuckets: [{ name: bucket }] })
  await server.run()
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    dir,
    close: async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type RevalidationCall = { at: number; body: { tags?: string[] } }

/** Stands where the storefront is: records each `POST /api/revalidate` the CMS instances send. */
export async function startRevalidationReceiver(): Promise<{ url: string; calls: RevalidationCall[]; close(): Promise<void> }> {
  const calls: RevalidationCall[] = []
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.method === 'POST' && req.url?.startsWith('/api/revalidate')) {
        let body = {}
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        } catch {
          body = {}
        }
        calls.push({ at: Date.now(), body })
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"revalidated":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
