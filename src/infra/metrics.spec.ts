import { aggregatedMetrics, createMetrics, handCountedDurations } from './metrics'

describe('handCountedDurations', () => {
  it('should add up with the registry histogram of the same name on /metrics, bucket by bucket', async () => {
    const main = createMetrics({ processMetrics: false })
    main.httpDuration.labels('GET', '/api/products', '200').observe(0.002)
    main.httpDuration.labels('POST', '/api/checkout', '201').observe(0.2)
    const edge = handCountedDurations()
    const hits = edge.labels('GET', '/api/products', '200')
    hits.observe(0.0005)
    hits.observe(0.003)
    edge.labels('GET', '/api/products', '200').observe(20)
    const { text } = await aggregatedMetrics([await main.registry.getMetricsAsJSON(), [edge.toJSON()]])
    const line = (suffix: string, labels: string) => text.split('\n').find((l) => l.startsWith(`http_request_duration_seconds${suffix}{${labels}}`))
    const products = 'method="GET",route="/api/products",status="200"'
    expect(line('_bucket', `le="0.001",${products}`)).toMatch(/ 1$/)
    expect(line('_bucket', `le="0.0025",${products}`)).toMatch(/ 2$/)
    expect(line('_bucket', `le="10",${products}`)).toMatch(/ 3$/)
    expect(line('_bucket', `le="+Inf",${products}`)).toMatch(/ 4$/)
    expect(line('_count', products)).toMatch(/ 4$/)
    expect(Number(line('_sum', products)!.split(' ').pop())).toBeCloseTo(20.0055, 6)
    expect(line('_count', 'method="POST",route="/api/checkout",status="201"')).toMatch(/ 1$/)
  })
})
