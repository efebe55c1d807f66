import { completeBankDetails, type BankDetails } from './bankDetails'
import { formatGBP, type Pence } from './money'

const DAY_MS = 24 * 60 * 60_000
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric' })

export const NO_BANK_DETAILS = 'The shop will email you payment details.'

export interface InstructionsOrder {
  orderNumber: string
  status: string
  paymentMethod: string | null | undefined
  total: Pence
  placedAt: string | Date
  /** The order's own deadline, kept from checkout; settings may change after. */
  reservationExpiresAt?: string | Date | null
}

export interface InstructionsSettings {
  manualPaymentHoldDays: number
  bankDetails?: Partial<Record<keyof BankDetails, string | null | undefined>> | null
}

export interface PaymentInstructions {
  method: 'bank-transfer'
  amount: string
  reference: string
  /** The last day to pay, in London: "Thursday 10 December 2026". */
  payBy: string
  /** The same day as YYYY-MM-DD. */
  payByDate: string
  /** Null when the shop has not set its bank details yet. */
  bank: BankDetails | null
}

/** When an unpaid bank-transfer order expires: the hold days after it was placed. */
export function manualPaymentDeadline(placedAt: Date, holdDays: number): Date {
  return new Date(placedAt.getTime() + holdDays * DAY_MS)
}

/** The calendar day `instant` falls on in London, and its weekday. */
export function londonDay(instant: Date): { iso: string; text: string } {
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((p) => [p.type, p.value]))
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)]
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { iso, text: `${weekday} ${day} ${MONTHS[month - 1]} ${year}` }
}

/** How to pay a bank-transfer order that is still awaiting payment; null for every other order. */
export function paymentInstructions(order: InstructionsOrder, settings: InstructionsSettings): PaymentInstructions | null {
  if (order.paymentMethod !== 'manual' || order.status !== 'pending') return null
  const deadline = order.reservationExpiresAt
    ? new Date(order.reservationExpiresAt)
    : manualPaymentDeadline(new Date(order.placedAt), settings.manualPaymentHoldDays)
  const day = londonDay(deadline)
  return {
    method: 'bank-transfer',
    amount: formatGBP(order.total),
    reference: order.orderNumber,
    payBy: day.text,
    payByDate: day.iso,
    bank: completeBankDetails(settings.bankDetails),
  }
}

/** The instructions as lines of text, for the email and anywhere else that prints them. */
export function paymentInstructionLines(instructions: PaymentInstructions): string[] {
  const { bank } = instructions
  const head = [`Please pay ${instructions.amount} by bank transfer by ${instructions.payBy}.`]
  if (!bank) return [...head, NO_BANK_DETAILS, `Reference: ${instructions.reference}`]
  return [
    ...head,
    `Account name: ${bank.accountName}`,
    `Sort code: ${bank.sortCode}`,
    `Account number: ${bank.accountNumber}`,
    ...(bank.iban ? [`IBAN: ${bank.iban}`] : []),
    ...(bank.bic ? [`BIC: ${bank.bic}`] : []),
    `Reference: ${instructions.reference}`,
    'An order not paid by then expires.',
  ]
}
