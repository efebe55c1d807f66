import type { Metadata, Viewport } from 'next'
import { connection } from 'next/server'
import type { ReactNode } from 'react'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { storefrontUrl } from '@/lib/env'
import './globals.css'

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(storefrontUrl()),
    title: { default: 'Ipswich Retail', template: '%s · Ipswich Retail' },
    description: 'Clothing, homeware and gifts from Ipswich Retail. Prices include VAT.',
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0d5c63' }

// Every page renders per request so Next can put the request's CSP nonce (middleware.ts) on its scripts;
// the CMS reads behind it stay cached by tag, so a render costs no CMS call.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection()
  return (
    <html lang="en-GB">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <SiteFooter />
      </body>
    </html>
  )
}
