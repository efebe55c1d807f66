/**
 * The value kept under `key`, or `make()`'s, kept for next time. A memo of pure results (parsed queries, projections
 * keyed by their exact input), so it is never stale; when it holds `limit` entries it starts again empty, which bounds
 * its memory without bookkeeping on the hot path. `make` may throw: nothing is kept then.
 */
export function remember<V>(memo: Map<string, V>, key: string, make: () => V, limit: number): V {
  let value = memo.get(key)
  if (value === undefined) {
    value = make()
    if (memo.size >= limit) memo.clear()
    memo.set(key, value)
  }
  return value
}
