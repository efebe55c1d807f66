import type { PayloadRequest } from 'payload'

import { bumpCacheVersions } from '../../src/infra/cache'
import { afterCommit } from '../../src/infra/frameworkPatches'
import { logger } from '../../src/infra/logger'
import { forgetRenderedProducts } from '../../src/infra/search/catalogue'
import { dialect, queryRows, sql } from '../../src/infra/sql'

export { afterCommit, dialect, logger, queryRows, sql }

/** Seeding and the workflows' own writes set these; hooks with side effects skip them. */
export function isInternalWrite(context: Record<string, unknown> | undefined): boolean {
  return Boolean(context?.seed || context?.workflowWrite)
}

/**
 * After a plugin writes a core table by SQL (no Payload hook runs), the read cache of those collections is bumped
 * once the request's transaction commits, as a Payload write would have done.
 */
export async function invalidateAfterCommit(req: PayloadRequest, collections: readonly string[]): Promise<void> {
  await afterCommit(req, async () => {
    await bumpCacheVersions(collections).catch((err: Error) => logger().warn({ err: { message: err.message }, collections }, 'Cache version bump failed'))
  })
}

/**
 * After a plugin writes product rows by SQL: the catalogue read model's rendered answers of those products are
 * emptied on the request's transaction, so the next read renders them again (docs/performance.md).
 */
export async function productsWrittenBySql(req: PayloadRequest, productIds: readonly (number | string)[]): Promise<void> {
  await forgetRenderedProducts(req.payload, req, productIds.map(Number))
}
