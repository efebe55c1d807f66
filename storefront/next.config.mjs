import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))
// Pages get their Content-Security-Policy, with a per-request script nonce, from middleware.ts; these headers are the
// same in every environment, so safe to fix at build time. HSTS depends on APP_ENV (lib/server/addHsts.ts).
// Route handlers and the media proxy run no script: a policy that allows nothing (as NON_PAGE_CONTENT_SECURITY_POLICY).
const nonPagePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  // The workspace root, so the standalone server lands in .next/standalone/storefront/server.js.
  outputFileTracingRoot: path.join(dirname, '..'),
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  eslint: { ignoreDuringBuilds: true },
  serverExternalPackages: ['prom-client'],
  // Compiles the shared rules in ../src/commerce (money, postcode, SKU, HTML escaping) that the storefront imports.
  experimental: { externalDir: true },
  images: { loader: 'custom', loaderFile: './lib/images/cmsImageLoader.ts' },
  async headers() {
    const nonPage = [{ key: 'Content-Security-Policy', value: nonPagePolicy }]
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: nonPage },
      { source: '/media/:path*', headers: nonPage },
      { source: '/metrics', headers: nonPage },
    ]
  },
}

export default nextConfig
