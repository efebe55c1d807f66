import { createRouteTemplate } from './routes'

const route = createRouteTemplate(['products', 'orders', 'users', 'media'], ['store-settings'])

describe('createRouteTemplate', () => {
  it.each([
    ['/api/products', '/api/products'],
    ['/api/search', '/api/search'],
    ['/api/products/42', '/api/products/:id'],
    ['/api/orders/42/transition', '/api/orders/:id/transition'],
    ['/api/users/login', '/api/users/login'],
    ['/api/media/file/photo.webp', '/api/media/file/:name'],
    ['/api/globals/store-settings', '/api/globals/store-settings'],
    ['/api/nonsense/1', '/api/:unknown'],
    ['/api/orders/42/zzz', '/api/orders/:id/:action'],
    ['/admin/collections/products/3', '/admin/*'],
    ['/wp-login.php', 'other'],
  ])('should map %s to %s', (path, template) => {
    expect(route(path)).toBe(template)
  })
})
