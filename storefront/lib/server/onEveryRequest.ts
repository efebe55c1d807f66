import http from 'node:http'

export type RequestHook = (req: http.IncomingMessage, res: http.ServerResponse) => void
/** Answers a request itself, or calls `next()` to have Next answer it (now or later). */
export type FrontHandler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void

const HOOKS = Symbol.for('ipswich.storefront.requestHooks')
const FRONT = Symbol.for('ipswich.storefront.front')
type Patched = http.Server & { [HOOKS]?: RequestHook[]; [FRONT]?: FrontHandler }

function patch(proto: Patched): RequestHook[] {
  if (!proto[HOOKS]) {
    const hooks: RequestHook[] = []
    proto[HOOKS] = hooks
    const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean
    proto.emit = function emitWithHooks(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event !== 'request') return emit.call(this, event, ...args)
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse]
      for (const run of hooks) run(req, res)
      const front = proto[FRONT]
      if (!front) return emit.call(this, event, ...args)
      front(req, res, () => {
        emit.call(this, event, ...args)
      })
      return true
    } as typeof proto.emit
  }
  return proto[HOOKS]
}

/**
 * Runs `hook` before Next handles each request of this Node process. Middleware runs on the edge
 * runtime (no prom-client, and a cost on every request), so process-level concerns live here.
 */
export function onEveryRequest(hook: RequestHook): void {
  patch(http.Server.prototype as Patched).push(hook)
}

/** Puts `front` between the hooks and Next: it may answer a request without Next (the page cache does). */
export function frontRequestsWith(front: FrontHandler): void {
  const proto = http.Server.prototype as Patched
  patch(proto)
  proto[FRONT] = front
}
