import type { Metadata, Viewport } from 'next'
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

export default function RootLayout({ children }: { children: ReactNode }) {
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
