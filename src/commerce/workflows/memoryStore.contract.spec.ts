import { MemoryStore } from '../../../tests/fakes/memoryStore'
import { commerceStoreContract } from '../../../tests/contract/commerceStore.contract'
import type { StoreUnderTest } from '../../../tests/contract/commerceStore.contract'

// The fake the workflow specs run on must keep the port's contract; with rollback on, its transactions are real.
function memorySubject(): StoreUnderTest {
  const store = new MemoryStore({ rollback: true })
  return {
    store,
    addSku: async (sku, available) => store.addSku({ sku, unitPrice: 1200, available }),
    ledger: async (sku) => store.ledgerRows(sku).map((m) => ({ change: m.change, reason: m.reason })),
  }
}

let current: StoreUnderTest
beforeEach(() => {
  current = memorySubject()
})

commerceStoreContract('MemoryStore', () => current)
