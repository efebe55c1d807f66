import { configError } from './errors'
import { PAYMENT_METHODS } from './checkoutInput'
import type { PaymentMethod } from './checkoutInput'
import type { Pence } from './money'

export interface AuthorizeRequest {
  amount: Pence
  currency: string
  orderNumber: string
  card?: { number: string }
}

export interface AuthorizeResult {
  status: 'approved' | 'pending' | 'declined'
  reference: string
  message?: string
}

/** Room for a real provider later: authorize, and optionally void an approval we must undo. */
export interface PaymentProvider {
  id: string
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>
  void?(reference: string): Promise<void>
}

/** Staff mark the order paid when the money arrives, so the order waits as pending. */
export const manualPayments: PaymentProvider = {
  id: 'manual',
  async authorize({ orderNumber }) {
    return { status: 'pending', reference: `manual:${orderNumber}`, message: 'Awaiting payment' }
  },
}

export const TEST_CARD_APPROVED = '4242424242424242'
export const TEST_CARD_DECLINED = '4000000000000002'

export const testCardPayments: PaymentProvider = {
  id: 'test-card',
  async authorize({ orderNumber, card }) {
    const number = (card?.number ?? '').replace(/ /g, '')
    const reference = `test-card:${orderNumber}`
    if (number === TEST_CARD_APPROVED) return { status: 'approved', reference }
    if (number === TEST_CARD_DECLINED) {
      return { status: 'declined', reference, message: 'Your card was declined.' }
    }
    return { status: 'declined', reference, message: 'Your card number is not valid.' }
  },
  async void() {
    // Nothing was charged, so there is nothing to give back.
  },
}

const PROVIDERS: Record<PaymentMethod, PaymentProvider> = {
  manual: manualPayments,
  'test-card': testCardPayments,
}

export type AppEnv = 'development' | 'staging' | 'production'

/** Parses PAYMENT_METHODS ("manual,test-card"); test payments are refused where money is real. */
export function enabledPaymentMethods(list: string | readonly string[], appEnv: AppEnv): PaymentMethod[] {
  const names = (typeof list === 'string' ? list.split(',') : [...list]).map((s) => s.trim()).filter(Boolean)
  if (names.length === 0) throw configError('PAYMENT_METHODS', 'lists no payment method')
  const unknown = names.filter((n) => !(PAYMENT_METHODS as readonly string[]).includes(n))
  if (unknown.length > 0) {
    throw configError('PAYMENT_METHODS', `unknown method ${unknown.join(', ')} (known: ${PAYMENT_METHODS.join(', ')})`)
  }
  if (appEnv !== 'development' && names.includes('test-card')) {
    throw configError('PAYMENT_METHODS', `test-card cannot be enabled when APP_ENV is ${appEnv}`)
  }
  return [...new Set(names)] as PaymentMethod[]
}

/** The enabled providers by method; a method missing from the map is refused at checkout. */
export type PaymentProviders = ReadonlyMap<string, PaymentProvider>

export function createPaymentProviders(methods: readonly PaymentMethod[]): PaymentProviders {
  return new Map(methods.map((m) => [m, PROVIDERS[m]]))
}
