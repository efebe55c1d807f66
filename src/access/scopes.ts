/** What an API key may be given; staff roles are named sets of the same scopes (src/access/roles.ts). */
export const SCOPES = ['catalogue:read', 'catalogue:write', 'orders:read', 'orders:write', 'inventory:write', 'customers:read', 'webhooks:manage'] as const

export type Scope = (typeof SCOPES)[number]

export const SCOPE_LABELS: Record<Scope, string> = {
  'catalogue:read': 'Catalogue: read drafts, stock levels and the stock ledger',
  'catalogue:write': 'Catalogue: create and edit products, categories, media and CSV imports',
  'orders:read': 'Orders: read every order, with its addresses and email',
  'orders:write': 'Orders: move orders along (pay, fulfil, cancel, refund)',
  'inventory:write': 'Stock: adjust stock levels',
  'customers:read': 'Customers: read customer accounts',
  'webhooks:manage': 'Webhooks: create and change webhook subscriptions',
}

/** Field validation for an integration's scopes: each must be one of SCOPES. */
export function validateScopes(value: unknown): true | string {
  const unknown = (Array.isArray(value) ? value : []).filter((s) => !(SCOPES as readonly unknown[]).includes(s))
  return unknown.length === 0 ? true : `Unknown scope ${unknown.map(String).join(', ')}; use ${SCOPES.join(', ')}`
}
