/** Makes a chosen call of a fake fail once, so specs can walk every undo path. */
export class FaultInjector<M extends string> {
  private faults = new Map<M, { error: Error; skip: number }>()

  /** The call of `method` after `skip` successful ones throws `error`, once. */
  failOn(method: M, error: Error = new Error(`${method} failed`), skip = 0): void {
    this.faults.set(method, { error, skip })
  }

  /** Called at the start of each faked method. */
  check(method: M): void {
    const fault = this.faults.get(method)
    if (!fault) return
    if (fault.skip > 0) {
      fault.skip -= 1
      return
    }
    this.faults.delete(method)
    throw fault.error
  }
}
