/** One step of a workflow: `run` does the work, `undo` reverses it using only what `run` returned. */
export interface WorkflowStep<C, O = unknown> {
  name: string
  run(ctx: C): O | Promise<O>
  undo?(ctx: C, output: O): void | Promise<void>
}

export interface UndoFailure {
  step: string
  error: unknown
}

/** A step list may mix output types; this keeps each step's run/undo pair checked together. */
export function defineStep<C, O>(step: WorkflowStep<C, O>): WorkflowStep<C, unknown> {
  return step as WorkflowStep<C, unknown>
}

/** Undo failures travel on the original error, so the caller sees both what broke and what stuck. */
export function undoErrorsOf(error: unknown): UndoFailure[] {
  if (typeof error !== 'object' || error === null) return []
  const failures = (error as { undoErrors?: unknown }).undoErrors
  return Array.isArray(failures) ? (failures as UndoFailure[]) : []
}

function attachUndoErrors(error: unknown, failures: UndoFailure[]): void {
  if (failures.length === 0 || typeof error !== 'object' || error === null) return
  Object.defineProperty(error, 'undoErrors', {
    value: [...undoErrorsOf(error), ...failures],
    enumerable: false,
    configurable: true,
    writable: true,
  })
}

/**
 * Runs steps in order. When one throws, the completed steps are undone newest first;
 * an undo that throws is recorded and the rest still run; the original error is rethrown.
 */
export async function runWorkflow<C>(name: string, steps: readonly WorkflowStep<C, unknown>[], ctx: C): Promise<C> {
  const done: { step: WorkflowStep<C, unknown>; output: unknown }[] = []
  try {
    for (const step of steps) {
      const output = await step.run(ctx)
      done.push({ step, output })
    }
    return ctx
  } catch (error) {
    const failures: UndoFailure[] = []
    for (const { step, output } of done.reverse()) {
      if (!step.undo) continue
      try {
        await step.undo(ctx, output)
      } catch (undoError) {
        failures.push({ step: `${name}.${step.name}`, error: undoError })
      }
    }
    attachUndoErrors(error, failures)
    throw error
  }
}
