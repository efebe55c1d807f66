import { conflict } from '../../src/commerce/errors'
import { CLAIM_WAIT, claimOrWait } from '../../src/commerce/idempotency'
import type { IdempotencyClaim, IdempotencyRows, StoredResponse } from '../../src/commerce/idempotency'
import type { Id, IdempotencyScope } from '../../src/commerce/workflows/ports'

interface KeyRow {
  claimId: number
  key: string
  requestHash: string
  completed: boolean
  resultId: Id | null
  response: StoredResponse | null
  updatedAt: Date
}

/** The idempotency_keys table in memory: one row per scope and key, claimed with the same rules as the real one. */
export class MemoryIdempotencyKeys {
  private rows = new Map<string, KeyRow>()
  private claimIds = 0

  constructor(private wait = CLAIM_WAIT) {}

  private rowsOf(scope: IdempotencyScope, key: string): IdempotencyRows {
    const name = `${scope} ${key}`
    return {
      insert: async (requestHash) => {
        if (this.rows.has(name)) return null
        const claimId = ++this.claimIds
        this.rows.set(name, { claimId, key, requestHash, completed: false, resultId: null, response: null, updatedAt: new Date() })
        return claimId
      },
      read: async () => {
        const row = this.rows.get(name)
        return row ? { ...row } : null
      },
      remove: async (claimId) => this.release(scope, key, claimId),
    }
  }

  claim(scope: IdempotencyScope, key: string, requestHash: string): Promise<IdempotencyClaim> {
    return claimOrWait(this.rowsOf(scope, key), requestHash, this.wait)
  }

  complete(scope: IdempotencyScope, key: string, claimId: Id, resultId: Id | null, response?: StoredResponse): void {
    const row = this.rows.get(`${scope} ${key}`)
    if (!row || row.claimId !== claimId || row.completed) {
      throw conflict('idempotency_key_taken', `Idempotency-Key ${key} is no longer claimed by this request`)
    }
    Object.assign(row, { completed: true, resultId, response: response ? structuredClone(response) : null, updatedAt: new Date() })
  }

  release(scope: IdempotencyScope, key: string, claimId: Id): void {
    const name = `${scope} ${key}`
    const row = this.rows.get(name)
    if (row && row.claimId === claimId && !row.completed) this.rows.delete(name)
  }

  find(scope: IdempotencyScope, resultId: Id): { key: string; requestHash: string } | null {
    const row = [...this.rows.entries()].find(([name, r]) => name.startsWith(`${scope} `) && r.resultId === resultId)?.[1]
    return row ? { key: row.key, requestHash: row.requestHash } : null
  }

  /** Like the real table's foreign key (ON DELETE SET NULL): a deleted order leaves its key without a result. */
  forgetResult(resultId: Id): void {
    this.rows.forEach((row) => {
      if (row.resultId === resultId) row.resultId = null
    })
  }

  snapshot(): Map<string, KeyRow> {
    return structuredClone(this.rows)
  }

  restore(rows: Map<string, KeyRow>): void {
    this.rows = rows
  }
}
