#!/usr/bin/env node
// The README's test command: unit and integration suites (and end-to-end where Chromium exists),
// then one closing line "tests: N passed, N failed, N skipped" that CI reads.
//
// Unit and integration files run on every core (TEST_WORKERS, default: the machine's cores, at most 2: most of an
// integration file's time is loading Payload's modules, which is one core's work). End-to-end files run after them,
// one at a time on their own: each builds and starts the servers and drives a browser, and needs the machine.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'

if (!process.env.CHROMIUM_PATH && existsSync('/usr/bin/chromium')) process.env.CHROMIUM_PATH = '/usr/bin/chromium'
const runs = [{ projects: ['unit', 'int'], workers: ['--maxWorkers', process.env.TEST_WORKERS ?? String(Math.min(2, availableParallelism()))] }]
if (existsSync('tests/e2e')) runs.push({ projects: ['e2e'], workers: ['--runInBand'] })

const db = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'
const redis = process.env.TEST_REDIS_URL ? 'Redis' : 'in-process cache'
const projects = runs.flatMap((r) => r.projects)
console.log(`Running ${projects.join(', ')} tests on ${db} with ${redis}${process.env.CI === 'true' ? ' (CI: skipped services fail)' : ''}`)

mkdirSync('tests/tmp', { recursive: true })
const extra = process.argv.slice(2)
const totals = { passed: 0, failed: 0, skipped: 0 }
let ok = true
for (const { projects, workers } of runs) {
  const report = path.resolve(`tests/tmp/jest-report-${projects.join('-')}.json`)
  rmSync(report, { force: true })
  // A path filter given to `npm test -- <paths>` may match files of one run only; the other then has nothing to do.
  const args = ['jest', ...workers, '--json', `--outputFile=${report}`, ...projects.flatMap((p) => ['--selectProjects', p])]
  if (extra.length > 0) args.push('--passWithNoTests', ...extra)
  const run = spawnSync('npx', args, {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-deprecation`.trim() },
  })
  const summary = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null
  if (!summary) {
    ok = false
    totals.failed += 1
    console.error(`jest wrote no report for the ${projects.join(' and ')} tests (exit ${run.status})`)
    continue
  }
  const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites
  totals.passed += summary.numPassedTests
  totals.failed += failed
  totals.skipped += summary.numPendingTests + summary.numTodoTests
  if (run.status !== 0 || failed > 0) ok = false
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(ok && totals.failed === 0 && totals.passed > 0 ? 0 : 1)
