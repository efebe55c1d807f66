import { randomUUID } from 'node:crypto'

// The drill's mixed load through the balancer: reads, quotes, checkouts (each with an Idempotency-Key, retried with
// the same key after a network error or a 502/503), admin edits and uploads. Counts every answer by kind per phase.
// Checkouts buy the SKUs of the current phase (each phase has its own stock: ops/drill/run.ts), so an earlier phase
// selling out never leaves a later fault without orders.

export type Shop = { url: string; token: string; skus: string[]; productIds: (number | string)[]; png: Buffer }

export type PhaseStats = { requests: number; errors: Map<string, number>; accepted: number; refused: number; units: number; ms: number }

type Answer = { order?: { orderNumber?: string; id: number | string } } | undefined

const newStats = (): PhaseStats => ({ requests: 0, errors: new Map(), accepted: 0, refused: 0, units: 0, ms: 0 })

const address = { name: 'Drill Shopper', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' }

export class Load {
  readonly accepted = new Map<string, number | string>() // order number → id
  readonly phases = new Map<string, PhaseStats>()
  private phase = 'start'
  private phaseStarted = Date.now()
  /** The SKUs checkouts buy in the current phase. */
  private checkoutSkus: string[]
  private running = false
  private loops: Promise<void>[] = []
  private counter = 0

  constructor(
    private readonly shop: Shop,
    readonly width: number,
  ) {
    this.checkoutSkus = shop.skus
  }

  /** Starts counting a new phase; its checkouts buy `skus` from now on. */
  setPhase(name: string, skus: string[] = this.checkoutSkus): void {
    this.closePhase()
    this.phase = name
    this.phaseStarted = Date.now()
    this.checkoutSkus = skus
    if (!this.phases.has(name)) this.phases.set(name, newStats())
  }

  /** The most units sold per second in any phase so far, the current one included (sizes the next phase's stock). */
  peakUnitsPerSecond(): number {
    const current = this.phases.get(this.phase)
    const elapsed = (s: PhaseStats) => s.ms + (s === current && this.running ? Date.now() - this.phaseStarted : 0)
    return Math.max(0, ...[...this.phases.values()].filter((s) => elapsed(s) > 0).map((s) => (s.units * 1000) / elapsed(s)))
  }

  private closePhase(): void {
    const s = this.phases.get(this.phase)
    if (s) s.ms += Date.now() - this.phaseStarted
  }

  private stats(): PhaseStats {
    if (!this.phases.has(this.phase)) this.phases.set(this.phase, newStats())
    return this.phases.get(this.phase)!
  }

  private error(kind: string): void {
    const s = this.stats()
    s.errors.set(kind, (s.errors.get(kind) ?? 0) + 1)
  }

  private async call(path: string, init: RequestInit = {}, token = false): Promise<{ status: number; json: Answer } | null> {
    const headers = new Headers(init.headers)
    if (token) headers.set('authorization', `JWT ${this.shop.token}`)
    if (typeof init.body === 'string') headers.set('content-type', 'application/json')
    this.stats().requests++
    try {
      const res = await fetch(`${this.shop.url}${path}`, { ...init, headers, signal: AbortSignal.timeout(20_000) })
      const text = await res.text()
      let json: unknown
      try {
        json = text ? (JSON.parse(text) as Answer) : undefined
      } catch {
        json = undefined
      }
      if (res.status >= 500 || res.status === 429) this.error(`http ${res.status}`)
      else if (res.status >= 400 && res.status !== 409) this.error(`http ${res.status}`)
      return { status: res.status, json: json as Answer }
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } }
      this.error(e.name === 'TimeoutError' ? 'timeout' : `network ${e.cause?.code ?? e.name}`)
      return null
    }
  }

  async checkout(): Promise<number> {
    const i = this.counter++
    const skus = this.checkoutSkus
    const sku = skus[i % skus.length]
    const quantity = 1 + (i % 2)
    const key = `drill-${randomUUID()}`
    const body = JSON.stringify({
      items: [{ sku, quantity }],
      email: `shopper-${i}@example.com`,
      shippingAddress: address,
      paymentMethod: 'test-card',
      card: { number: '4242 4242 4242 4242' },
    })
    for (let attempt = 0; attempt < 4; attempt++) {
      const res = await this.call('/api/checkout', { method: 'POST', body, headers: { 'idempotency-key': key } })
      if (res && (res.status === 201 || res.status === 200) && res.json?.order?.orderNumber) {
        if (!this.accepted.has(res.json.order.orderNumber)) {
          this.stats().accepted++
          this.stats().units += quantity
        }
        this.accepted.set(res.json.order.orderNumber, res.json.order.id)
        return res.status
      }
      if (res && res.status === 409) {
        this.stats().refused++
        return 409
      }
      // Unanswered, or the instance could not finish: the same key again, which never makes a second order.
      if (res && res.status < 500) return res.status
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)))
    }
    return 0
  }

  private async one(): Promise<void> {
    const roll = Math.random()
    const { productIds } = this.shop
    const skus = this.checkoutSkus
    if (roll < 0.45) await this.call(`/api/products?limit=10&depth=1&page=${1 + Math.floor(Math.random() * 2)}`)
    else if (roll < 0.65)
      await this.call('/api/cart/quote', { method: 'POST', body: JSON.stringify({ items: [{ sku: skus[Math.floor(Math.random() * skus.length)], quantity: 1 }] }) })
    else if (roll < 0.9) await this.checkout()
    else if (roll < 0.97) {
      const id = productIds[Math.floor(Math.random() * productIds.length)]
      await this.call(`/api/products/${id}`, { method: 'PATCH', body: JSON.stringify({ seo: { description: `Drill edit ${Date.now()}` } }) }, true)
    } else {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(this.shop.png)], { type: 'image/png' }), `drill-${randomUUID()}.png`)
      form.append('_payload', JSON.stringify({ alt: 'Drill upload' }))
      await this.call('/api/media', { method: 'POST', body: form }, true)
    }
  }

  /**
   * Starts the loops. With `rate` (requests per second offered, over all loops) each loop starts its requests on a
   * schedule, never more than one at a time and with no burst to catch up: an open load at a fixed rate, so a
   * recovery time measures the fault rather than a machine saturated by the drill itself. Without it each loop sends
   * its next request as soon as the last is answered (as many as the machine can serve).
   */
  start(rate = 0): void {
    this.running = true
    const interval = rate > 0 ? (this.width * 1000) / rate : 0
    this.loops = Array.from({ length: this.width }, async (_, i) => {
      // Spread the loops over one interval so their requests interleave.
      let next = Date.now() + (interval * i) / this.width
      while (this.running) {
        const wait = next - Date.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        if (!this.running) break
        await this.one()
        next = Math.max(next + interval, Date.now())
      }
    })
  }

  async stop(): Promise<void> {
    this.running = false
    await Promise.all(this.loops)
    this.closePhase()
    this.phaseStarted = Date.now()
  }
}
