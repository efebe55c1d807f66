#!/usr/bin/env node
// The README's test command: unit and integration suites (and end-to-end where Chromium exists),
// then one closing line "tests: N passed, N failed, N skipped" that CI reads.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const projects = ['unit', 'int']
if (!process.env.CHROMIUM_PATH && existsSync('/usr/bin/chromium')) process.env.CHROMIUM_PATH = '/usr/bin/chromium'
if (existsSync('tests/e2e')) projects.push('e2e')

const db = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'
const redis = process.env.TEST_REDIS_URL ? 'Redis' : 'in-process cache'
console.log(`Running ${projects.join(', ')} tests on ${db} with ${redis}${process.env.CI === 'true' ? ' (CI: skipped services fail)' : ''}`)

mkdirSync('tests/tmp', { recursive: true })
const report = path.resolve('tests/tmp/jest-report.json')
rmSync(report, { force: true })
const args = ['jest', '--runInBand', '--json', `--outputFile=${report}`, ...projects.flatMap((p) => ['--selectProjects', p]), ...process.argv.slice(2)]
const run = spawnSync('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-deprecation`.trim() },
})

let summary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numFailedTestSuites: 0, numRuntimeErrorTestSuites: 0 }
if (existsSync(report)) summary = JSON.parse(readFileSync(report, 'utf8'))
const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites
console.log(`tests: ${summary.numPassedTests} passed, ${failed} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`)
process.exit(run.status === 0 && failed === 0 && summary.numPassedTests > 0 ? 0 : 1)
