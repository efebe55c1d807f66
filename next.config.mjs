import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `next dev` and `next build` can share a checkout without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  // The email templates' compiler (used by the jobs when they run inside Next) is loaded from node_modules, not bundled.
  serverExternalPackages: ['mjml'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
