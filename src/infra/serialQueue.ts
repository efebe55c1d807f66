// Runs tasks one after another; kept on globalThis so Next's bundles and the server share one queue per name.
type Queue = { run<T>(task: () => Promise<T>): Promise<T> }

const holder = globalThis as unknown as Record<symbol, Queue | undefined>

export function serialQueue(name: string): Queue {
  const key = Symbol.for(`ipswich-retail.queue.${name}`)
  if (!holder[key]) {
    let tail: Promise<unknown> = Promise.resolve()
    holder[key] = {
      run<T>(task: () => Promise<T>): Promise<T> {
        const result = tail.then(task, task)
        tail = result.catch(() => undefined)
        return result
      },
    }
  }
  return holder[key]!
}
