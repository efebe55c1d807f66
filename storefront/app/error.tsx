'use client'

import Link from 'next/link'

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="wrap page narrow stack">
      <h1>Sorry, something went wrong</h1>
      <p>We couldn’t load this page just now. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{' '}
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  )
}
