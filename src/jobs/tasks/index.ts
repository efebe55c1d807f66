import { withJobMetrics } from '../jobMetrics'
import { cleanIdempotencyKeys } from './cleanIdempotencyKeys'
import { cleanStaleCarts } from './cleanStaleCarts'
import { releaseExpiredReservationsTask } from './releaseExpiredReservations'
import { sendLowStockAlert } from './sendLowStockAlert'
import { sendLowStockDigest } from './sendLowStockDigest'
import { sendOrderEmail } from './sendOrderEmail'

// Every task is timed into jobs_run_total / jobs_failed_total / job_duration_seconds.
export const tasks = [sendOrderEmail, sendLowStockAlert, releaseExpiredReservationsTask, sendLowStockDigest, cleanIdempotencyKeys, cleanStaleCarts].map(
  withJobMetrics,
)
