import { withPayload } from '@payloadcms/next/withPayload'

// The security headers of src/infra/securityHeaders.ts, for `next start` and `next dev` (the server front, src/server,
// sets them itself); src/infra/securityHeaders.spec.ts keeps the two equal. Admin pages get a nonce policy from
// src/middleware.ts. The API's default CSP is the front's alone: Next would put a config header over a route's own.
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `next dev` and `next build` can share a checkout without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  // The email templates' compiler (used by the jobs when they run inside Next) is loaded from node_modules, not bundled.
  serverExternalPackages: ['mjml'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
