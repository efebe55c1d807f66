// Set while src/jobs/runner.ts runs the queue in this process, so Payload's own autoRun stands aside
// (two runners in one process could claim the same job).
const flag = Symbol.for('ipswich-retail.jobs.runnerActive')
const holder = globalThis as unknown as Record<symbol, boolean | undefined>

export function markJobsRunnerActive(active: boolean): void {
  holder[flag] = active
}

export function jobsRunnerActive(): boolean {
  return holder[flag] === true
}
