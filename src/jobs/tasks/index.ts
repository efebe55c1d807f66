import { withJobMetrics } from '../jobMetrics'
import { applyCatalogueImport } from './applyCatalogueImport'
import { cleanIdempotencyKeys } from './cleanIdempotencyKeys'
import { cleanStaleCarts } from './cleanStaleCarts'
import { deliverWebhookTask } from './deliverWebhook'
import { releaseExpiredReservationsTask } from './releaseExpiredReservations'
import { sendLowStockAlert } from './sendLowStockAlert'
import { sendLowStockDigest } from './sendLowStockDigest'
import { sendPasswordReset } from './sendPasswordReset'
import { createSendOrderEmailTask } from './sendOrderEmail'
import { env } from '../../infra/env'

// Every task is timed into jobs_run_total / jobs_failed_total / job_duration_seconds.
export const tasks = [
  createSendOrderEmailTask({ storefrontUrl: env().storefrontUrl }),
  sendLowStockAlert,
  releaseExpiredReservationsTask,
  sendLowStockDigest,
  cleanIdempotencyKeys,
  cleanStaleCarts,
  applyCatalogueImport,
  deliverWebhookTask,
  sendPasswordReset,
].map(withJobMetrics)
