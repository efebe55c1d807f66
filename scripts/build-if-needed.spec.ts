import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { acquireBuildLock } from './build-if-needed.mjs'

// The build lock `npm start` and the test suites take before a Next build: one left by a run stopped mid-build
// (Ctrl+C never reaches the code that removes it) must not make the next `npm start` wait.
const lockIn = () => path.join(mkdtempSync(path.join(tmpdir(), 'ir-build-lock-')), '.next.build-lock')
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!

describe('acquireBuildLock', () => {
  it('should take a free lock and record its owner', () => {
    const lock = lockIn()
    acquireBuildLock(lock, 'test')
    expect(readFileSync(path.join(lock, 'owner'), 'utf8')).toBe(String(process.pid))
  })

  it('should take over at once a lock whose owner has exited', () => {
    const lock = lockIn()
    mkdirSync(lock)
    writeFileSync(path.join(lock, 'owner'), String(deadPid()))
    const from = Date.now()
    acquireBuildLock(lock, 'test')
    expect(Date.now() - from).toBeLessThan(1_500)
    expect(readFileSync(path.join(lock, 'owner'), 'utf8')).toBe(String(process.pid))
  })

  it('should take over a lock left with no owner once it is older than a moment', () => {
    const lock = lockIn()
    mkdirSync(lock)
    const old = new Date(Date.now() - 60_000)
    utimesSync(lock, old, old)
    acquireBuildLock(lock, 'test')
    expect(existsSync(path.join(lock, 'owner'))).toBe(true)
  })
})
