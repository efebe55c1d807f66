export async function register(): Promise<void> {
  // The condition is replaced at build time, so the edge bundle never includes node:http or prom-client.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { onEveryRequest, frontRequestsWith } = await import('./lib/server/onEveryRequest')
    const { timeRequest } = await import('./lib/metrics/timeRequest')
    const { addHsts } = await import('./lib/server/addHsts')
    const { noteShopperAddress } = await import('./lib/server/noteShopperAddress')
    const { pageCacheSettings } = await import('./lib/env')
    onEveryRequest(noteShopperAddress)
    onEveryRequest(timeRequest)
    onEveryRequest(addHsts)
    const { enabled, ...limits } = pageCacheSettings()
    if (enabled) {
      const { createPageCacheFront } = await import('./lib/server/pageCacheFront')
      frontRequestsWith(createPageCacheFront({ ...limits, dev: process.env.NODE_ENV !== 'production' }))
    }
  }
}
