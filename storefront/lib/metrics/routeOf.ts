// The route pattern of a request path, so the duration histogram has a bounded set of labels.

const EXACT = new Set([
  '/',
  '/search',
  '/cart',
  '/checkout',
  '/account',
  '/account/login',
  '/account/register',
  '/account/logout',
  '/account/forgot-password',
  '/account/reset-password',
  '/account/verify',
  '/account/addresses',
  '/api/health',
  '/api/revalidate',
  '/metrics',
  '/favicon.ico',
  '/icon.svg',
  '/robots.txt',
  '/placeholder.svg',
])

const PREFIXES: [prefix: string, route: string][] = [
  ['/_next/static/', '/_next/static'],
  ['/_next/image', '/_next/image'],
  ['/_next/', '/_next'],
  ['/products/', '/products/[slug]'],
  ['/categories/', '/categories/[...slug]'],
  ['/orders/', '/orders/[number]'],
  ['/media/', '/media/[id]/[variant]'],
]

export function routeOf(url: string | undefined): string {
  const path = (url ?? '/').split(/[?#]/)[0].replace(/\/+$/, '') || '/'
  if (EXACT.has(path)) return path
  const match = PREFIXES.find(([prefix]) => path.startsWith(prefix))
  return match ? match[1] : 'other'
}
