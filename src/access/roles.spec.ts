import { hasScope, scopesOf } from './roles'
import { validateScopes } from './scopes'

const staff = (...roles: string[]) => ({ id: 1, collection: 'users', roles }) as never

describe('scopesOf', () => {
  it('should give a merchandiser the catalogue and stock, and no customer or order scope', () => {
    expect(scopesOf(staff('merchandiser')).sort()).toEqual(['catalogue:read', 'catalogue:write', 'inventory:write'])
  })

  it('should give fulfilment orders and stock', () => {
    expect(scopesOf(staff('fulfilment')).sort()).toEqual(['catalogue:read', 'inventory:write', 'orders:read', 'orders:write'])
  })

  it('should give an admin every scope, once, whatever other roles they hold', () => {
    expect(scopesOf(staff('admin', 'merchandiser'))).toHaveLength(7)
  })

  it('should give an active integration exactly its own scopes, ignoring unknown ones', () => {
    expect(scopesOf({ id: 2, collection: 'integrations', active: true, scopes: ['orders:read', 'root'] } as never)).toEqual(['orders:read'])
  })

  it('should give customers, guests and revoked integrations nothing', () => {
    const revoked = { id: 2, collection: 'integrations', active: false, scopes: ['orders:read'] } as never
    expect([scopesOf({ id: 3, collection: 'customers' } as never), scopesOf(null), scopesOf(revoked)]).toEqual([[], [], []])
  })
})

describe('hasScope', () => {
  it('should answer whether the caller holds the scope', () => {
    expect([hasScope(staff('fulfilment'), 'orders:write'), hasScope(staff('merchandiser'), 'customers:read')]).toEqual([true, false])
  })
})

describe('validateScopes', () => {
  it('should accept known scopes and name unknown ones', () => {
    expect([validateScopes(['orders:read']), validateScopes(['orders:read', 'root'])]).toEqual([true, expect.stringContaining('Unknown scope root')])
  })
})
