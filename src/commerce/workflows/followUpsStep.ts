import type { CommerceEvent } from '../events'
import type { CommerceStore } from './ports'
import { defineStep } from './runWorkflow'
import type { WorkflowStep } from './runWorkflow'

/**
 * The last step of a workflow: queues the follow-up work of the events the workflow will publish, in its
 * transaction. Last, so no step after it can fail; a failed commit takes the queued work with it.
 */
export function queueFollowUpsStep<C>(tx: CommerceStore, eventsOf: (ctx: C) => CommerceEvent[]): WorkflowStep<C, unknown> {
  return defineStep<C, number>({
    name: 'queueFollowUps',
    async run(ctx) {
      const events = eventsOf(ctx)
      if (events.length > 0) await tx.queueFollowUps(events)
      return events.length
    },
  })
}
