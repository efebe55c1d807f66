// Route templates keep the `route` label of http_request_duration_seconds low-cardinality: ids and unknown paths collapse.

const ROOT_ROUTES = new Set([
  '/api/health',
  '/api/health/ready',
  '/api/graphql',
  '/api/graphql-playground',
  '/api/checkout',
  '/api/cart/quote',
  '/api/search',
  '/api/access',
  '/api/openapi.json',
  '/api/docs',
  '/metrics',
])
const SUB_ACTIONS = new Set(['transition', 'versions', 'preview'])
const DOC_ACTIONS = new Set([
  'login',
  'logout',
  'me',
  'refresh-token',
  'forgot-password',
  'reset-password',
  'verify',
  'unlock',
  'init',
  'first-register',
  'access',
  'versions',
  'adjust',
  'lookup',
  'count',
  'file',
])

export type RouteTemplate = (pathname: string) => string

export function createRouteTemplate(collections: readonly string[], globals: readonly string[]): RouteTemplate {
  const known = new Set(collections)
  const knownGlobals = new Set(globals)
  const memo = new Map<string, string>()

  const template = (pathname: string): string => {
    if (ROOT_ROUTES.has(pathname)) return pathname
    if (pathname.startsWith('/admin')) return '/admin/*'
    if (pathname.startsWith('/_next/')) return '/_next/*'
    if (pathname.startsWith('/api/docs/')) return '/api/docs/*'
    if (!pathname.startsWith('/api/')) return 'other'
    const [slug, second, third] = pathname.slice(5).split('/')
    if (slug === 'globals') return knownGlobals.has(second) ? `/api/globals/${second}` : '/api/globals/:unknown'
    if (!known.has(slug)) return '/api/:unknown'
    if (second === undefined || second === '') return `/api/${slug}`
    if (second === 'file') return `/api/${slug}/file/:name`
    if (DOC_ACTIONS.has(second)) return third ? `/api/${slug}/${second}/:id` : `/api/${slug}/${second}`
    return third ? `/api/${slug}/:id/${SUB_ACTIONS.has(third) ? third : ':action'}` : `/api/${slug}/:id`
  }

  return (pathname) => {
    let route = memo.get(pathname)
    if (route === undefined) {
      route = template(pathname)
      if (memo.size < 10_000) memo.set(pathname, route)
    }
    return route
  }
}
