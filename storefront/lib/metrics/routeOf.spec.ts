import { describe, expect, it } from '@jest/globals'
import { routeOf } from './routeOf'

describe('routeOf', () => {
  it('should name dynamic pages by their pattern', () => {
    expect([routeOf('/products/blue-mug'), routeOf('/categories/men/shirts?page=2'), routeOf('/orders/IR-000001?token=x')]).toEqual([
      '/products/[slug]',
      '/categories/[...slug]',
      '/orders/[number]',
    ])
  })
  it('should keep fixed routes and ignore the query and a trailing slash', () => {
    expect([routeOf('/'), routeOf('/search?q=mug'), routeOf('/cart/')]).toEqual(['/', '/search', '/cart'])
  })
  it('should group Next assets', () => {
    expect(routeOf('/_next/static/chunks/app.js')).toBe('/_next/static')
  })
  it('should put unknown paths under one label', () => {
    expect([routeOf('/wp-admin.php'), routeOf(undefined)]).toEqual(['other', '/'])
  })
})
