import { releaseExpiredReservationsTask } from './releaseExpiredReservations'
import { sendLowStockAlert } from './sendLowStockAlert'
import { sendOrderEmail } from './sendOrderEmail'

export const tasks = [sendOrderEmail, sendLowStockAlert, releaseExpiredReservationsTask]
