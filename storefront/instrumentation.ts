export async function register(): Promise<void> {
  // The condition is replaced at build time, so the edge bundle never includes node:http or prom-client.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { onEveryRequest } = await import('./lib/server/onEveryRequest')
    const { timeRequest } = await import('./lib/metrics/timeRequest')
    const { addHsts } = await import('./lib/server/addHsts')
    onEveryRequest(timeRequest)
    onEveryRequest(addHsts)
  }
}
