import { describe, expect, it } from '@jest/globals'
import { defineStep, runWorkflow, undoErrorsOf } from './runWorkflow'
import type { WorkflowStep } from './runWorkflow'
import { rejectionOf } from '../../../tests/fakes/testing'

type Log = { log: string[] }

function step(name: string, options: { fail?: boolean; failUndo?: boolean; noUndo?: boolean } = {}): WorkflowStep<Log, unknown> {
  return defineStep<Log, string>({
    name,
    run(ctx) {
      if (options.fail) throw new Error(`${name} failed`)
      ctx.log.push(`run ${name}`)
      return `${name}-id`
    },
    undo: options.noUndo
      ? undefined
      : (ctx, output) => {
          if (options.failUndo) throw new Error(`undo ${name} failed`)
          ctx.log.push(`undo ${output}`)
        },
  })
}

describe('runWorkflow', () => {
  it('should run every step in order and return the context', async () => {
    const ctx = await runWorkflow('w', [step('a'), step('b')], { log: [] })
    expect(ctx.log).toEqual(['run a', 'run b'])
  })

  it('should undo completed steps newest first, handing each its own output', async () => {
    const ctx: Log = { log: [] }
    await rejectionOf(runWorkflow('w', [step('a'), step('b'), step('c', { fail: true })], ctx))
    expect(ctx.log).toEqual(['run a', 'run b', 'undo b-id', 'undo a-id'])
  })

  it('should rethrow the original error', async () => {
    const error = await rejectionOf<Error>(runWorkflow('w', [step('a'), step('b', { fail: true })], { log: [] }))
    expect(error.message).toBe('b failed')
  })

  it('should not undo the step that failed', async () => {
    const ctx: Log = { log: [] }
    await rejectionOf(runWorkflow('w', [step('a', { fail: true })], ctx))
    expect(ctx.log).toEqual([])
  })

  it('should skip steps without an undo', async () => {
    const ctx: Log = { log: [] }
    await rejectionOf(runWorkflow('w', [step('a'), step('read', { noUndo: true }), step('x', { fail: true })], ctx))
    expect(ctx.log).toEqual(['run a', 'run read', 'undo a-id'])
  })

  it('should keep undoing after an undo throws', async () => {
    const ctx: Log = { log: [] }
    await rejectionOf(runWorkflow('w', [step('a'), step('b', { failUndo: true }), step('c', { fail: true })], ctx))
    expect(ctx.log).toEqual(['run a', 'run b', 'undo a-id'])
  })

  it('should attach undo errors to the original error, naming the step', async () => {
    const steps = [step('a', { failUndo: true }), step('b', { fail: true })]
    const error = await rejectionOf(runWorkflow('checkout', steps, { log: [] }))
    expect(undoErrorsOf(error).map((f) => [f.step, (f.error as Error).message])).toEqual([['checkout.a', 'undo a failed']])
  })

  it('should attach nothing when every undo succeeds', async () => {
    const error = await rejectionOf(runWorkflow('w', [step('a'), step('b', { fail: true })], { log: [] }))
    expect(undoErrorsOf(error)).toEqual([])
  })

  it('should await async steps before starting the next', async () => {
    const ctx: Log = { log: [] }
    const slow = defineStep<Log, null>({
      name: 'slow',
      run: async (c) => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        c.log.push('slow done')
        return null
      },
    })
    await runWorkflow('w', [slow, step('next')], ctx)
    expect(ctx.log).toEqual(['slow done', 'run next'])
  })
})
