/** A least-recently-used map bounded by the total size of its values (a Map keeps insertion order). */
export class SizedLru<V extends { size: number }> {
  private readonly entries = new Map<string, V>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    // Move to the young end.
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  set(key: string, value: V): void {
    const cost = value.size + key.length
    if (cost > this.maxBytes) return
    this.delete(key)
    this.entries.set(key, value)
    this.bytes += cost
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= old.size + oldest.length
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key)
    if (old === undefined) return
    this.entries.delete(key)
    this.bytes -= old.size + key.length
  }

  clear(): void {
    this.entries.clear()
    this.bytes = 0
  }

  get size(): number {
    return this.entries.size
  }

  get totalBytes(): number {
    return this.bytes
  }
}
