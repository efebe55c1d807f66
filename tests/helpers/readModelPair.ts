import type { Payload } from 'payload'
import pino from 'pino'

import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { createCatalogueReads, type CatalogueReads } from '../../src/server/catalogueReads'
import { cacheDisabled, startOpsServer, type OpsServer } from './opsServer'
import { bootPayload, type TestPayload } from './payload'
import { staffToken } from './shop'

export type ReadModelPair = {
  app: TestPayload
  payload: Payload
  /** A staff token, for writes and for reads the read model must leave to Payload. */
  staff: string
  model: CatalogueReads
  /** The server front answering public catalogue reads from the read model. */
  withModel: OpsServer
  /** The same front without it: Payload answers everything. */
  plain: OpsServer
  close(): Promise<void>
}

/**
 * The demo catalogue served twice, with and without the catalogue read model, the model filled: for comparing its
 * answers with Payload's own (the read model's REST and GraphQL suites). The read cache is off on both.
 */
export async function startReadModelPair(): Promise<ReadModelPair> {
  const app = await bootPayload()
  const { payload } = app
  const { seed } = await import('../../src/seed')
  await seed(payload, { appEnv: 'development', log: () => {} })
  const staff = (await staffToken(payload)).token
  const model = createCatalogueReads({ payload, maxLimit: 100, logger: pino({ level: 'silent' }) })
  const withModel = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter(), catalogue: model })
  const plain = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter(), catalogue: null })
  model.backfill()
  await model.idle()
  return {
    app,
    payload,
    staff,
    model,
    withModel,
    plain,
    async close() {
      model.stop()
      await withModel.close()
      await plain.close()
      await app.close()
    },
  }
}
