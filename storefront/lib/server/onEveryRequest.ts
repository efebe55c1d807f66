import http from 'node:http'

export type RequestHook = (req: http.IncomingMessage, res: http.ServerResponse) => void

const HOOKS = Symbol.for('ipswich.storefront.requestHooks')
type Patched = http.Server & { [HOOKS]?: RequestHook[] }

/**
 * Runs `hook` before Next handles each request of this Node process. Middleware runs on the edge
 * runtime (no prom-client, and a cost on every request), so process-level concerns live here.
 */
export function onEveryRequest(hook: RequestHook): void {
  const proto = http.Server.prototype as Patched
  if (!proto[HOOKS]) {
    const hooks: RequestHook[] = []
    proto[HOOKS] = hooks
    const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean
    proto.emit = function emitWithHooks(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') {
        const [req, res] = args as [http.IncomingMessage, http.ServerResponse]
        for (const run of hooks) run(req, res)
      }
      return emit.call(this, event, ...args)
    } as typeof proto.emit
  }
  proto[HOOKS].push(hook)
}
