import { serialiseJsonLd } from '@/lib/catalogue/productJsonLd'

export function JsonLd({ data }: { data: { [key: string]: unknown } }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serialiseJsonLd(data) }} />
}
