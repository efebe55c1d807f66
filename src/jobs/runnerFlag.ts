import { processSingleton } from '../infra/processSingleton'

// Set while src/jobs/runner.ts runs the queue in this process, so Payload's own autoRun stands aside
// (two runners in one process could claim the same job).
const flag = () => processSingleton('jobs.runnerActive', () => ({ active: false }))

export function markJobsRunnerActive(active: boolean): void {
  flag().active = active
}

export function jobsRunnerActive(): boolean {
  return flag().active
}
