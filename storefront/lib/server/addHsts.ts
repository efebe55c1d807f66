import type { IncomingMessage, ServerResponse } from 'node:http'
import { appEnv } from '../env'

// HSTS only in production, decided at run time: next.config headers are fixed when the one
// build is made, and that build also serves development and staging.
export function addHsts(_req: IncomingMessage, res: ServerResponse): void {
  if (appEnv() === 'production') res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
}
