'use client'

import './globals.css'

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body>
        <main className="wrap page narrow stack">
          <h1>Sorry, something went wrong</h1>
          <p>The shop is having trouble just now. Please try again in a moment.</p>
          <button type="button" onClick={() => reset()}>
            Try again
          </button>
        </main>
      </body>
    </html>
  )
}
