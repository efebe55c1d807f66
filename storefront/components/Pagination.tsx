import Link from 'next/link'
import type { ListingParams } from '@/lib/catalogue/listing'
import { listingQuery, pageWindow } from '@/lib/catalogue/listing'

interface Props {
  basePath: string
  params: ListingParams
  totalPages: number
  extra?: { [key: string]: string }
}

export function Pagination({ basePath, params, totalPages, extra }: Props) {
  if (totalPages <= 1) return null
  const href = (page: number) => `${basePath}${listingQuery({ ...params, page }, extra)}`
  return (
    <nav aria-label="Pages" className="pagination">
      <ul>
        {params.page > 1 ? (
          <li>
            <Link href={href(params.page - 1)} rel="prev">
              ‹ <span className="visually-hidden">Previous page</span>
            </Link>
          </li>
        ) : null}
        {pageWindow(params.page, totalPages).map((page, i) =>
          page === null ? (
            <li key={`gap-${i}`}>
              <span aria-hidden="true">…</span>
            </li>
          ) : (
            <li key={page}>
              <Link href={href(page)} aria-current={page === params.page ? 'page' : undefined} aria-label={`Page ${page}`}>
                {page}
              </Link>
            </li>
          ),
        )}
        {params.page < totalPages ? (
          <li>
            <Link href={href(params.page + 1)} rel="next">
              <span className="visually-hidden">Next page</span> ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
