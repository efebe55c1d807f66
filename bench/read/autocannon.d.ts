// The parts of autocannon's API the read benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Request = { method?: string; path?: string; body?: string; headers?: Record<string, string> }
  type Options = {
    url: string
    method?: string
    body?: string
    headers?: Record<string, string>
    connections?: number
    duration?: number
    /** One request template; `setupRequest` may rewrite it before each send (a rotating path). */
    requests?: (Request & { setupRequest?: (req: Request) => Request })[]
  }
  type Histogram = { average: number; p50: number; p99: number }
  type Result = { requests: Histogram & { total: number }; latency: Histogram; errors: number; timeouts: number; non2xx: number }
  export default function autocannon(options: Options): Promise<Result>
}
