export async function register(): Promise<void> {
  // The condition is replaced at build time, so the edge bundle never includes node:http or prom-client.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { timeHttpRequests } = await import('./lib/metrics/timeHttpRequests')
    timeHttpRequests()
  }
}
