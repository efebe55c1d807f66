export async function register(): Promise<void> {
  // The condition is replaced at build time, so the edge bundle never includes node:http or prom-client.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { onEveryRequest } = await import('./lib/server/onEveryRequest')
    const { timeRequest } = await import('./lib/metrics/timeRequest')
    const { addHsts } = await import('./lib/server/addHsts')
    const { noteShopperAddress } = await import('./lib/server/noteShopperAddress')
    onEveryRequest(noteShopperAddress)
    onEveryRequest(timeRequest)
    onEveryRequest(addHsts)
  }
}
