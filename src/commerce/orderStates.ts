import { CommerceError } from './errors'

export const ORDER_STATUSES = ['pending', 'paid', 'fulfilled', 'delivered', 'cancelled', 'expired', 'refunded'] as const

export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** The whole order process: state → states it may move to. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['paid', 'cancelled', 'expired'],
  paid: ['fulfilled', 'cancelled', 'refunded'],
  fulfilled: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  expired: [],
  refunded: [],
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value)
}

export function allowedMoves(from: OrderStatus): readonly OrderStatus[] {
  return ORDER_TRANSITIONS[from]
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to)
}

export function isTerminal(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0
}

/** Refuses any move not in the table with a 409 that names the allowed ones. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return
  const allowed = allowedMoves(from)
  const hint = allowed.length > 0 ? `allowed moves: ${allowed.join(', ')}` : `${from} is final: no moves are allowed`
  throw new CommerceError(409, 'illegal_transition', `Cannot move an order from ${from} to ${to}; ${hint}`, {
    from,
    to,
    allowed: [...allowed],
  })
}

/** What a move does to stock: which ledger rows it writes, if any. */
export type TransitionStockEffect = 'release' | 'restock' | 'sale' | null

/** Moves where staff may choose to put the goods back on sale. */
export function canRestock(from: OrderStatus, to: OrderStatus): boolean {
  return (from === 'paid' && to === 'cancelled') || (to === 'refunded' && from !== 'pending')
}

/**
 * A pending order holds a reservation, so leaving it without payment always releases;
 * after payment the goods are sold and only come back when staff choose to restock.
 */
export function stockEffectOf(from: OrderStatus, to: OrderStatus, options: { restock?: boolean } = {}): TransitionStockEffect {
  if (from === 'pending' && (to === 'cancelled' || to === 'expired')) return 'release'
  if (from === 'pending' && to === 'paid') return 'sale'
  if (canRestock(from, to) && options.restock === true) return 'restock'
  return null
}
