import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Payload } from 'payload'

import type { Env } from './env'
import { recordEmail, type EmailTemplate } from './metrics'

// Without SMTP_URL mail is written to data/outbox as .eml files, so nothing leaves the machine.
function outboxTransport(dir: string) {
  return {
    name: 'outbox',
    version: '1',
    send(mail: { message: { createReadStream(): NodeJS.ReadableStream; messageId(): string } }, done: (err: Error | null, info?: unknown) => void) {
      const chunks: Buffer[] = []
      const stream = mail.message.createReadStream()
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', (err: Error) => done(err))
      stream.on('end', () => {
        try {
          /* eslint-disable security/detect-non-literal-fs-filename -- dir is the configured outbox folder; id is stripped to [a-zA-Z0-9.@-] */
          mkdirSync(dir, { recursive: true })
          const id = mail.message.messageId().replace(/[^a-zA-Z0-9.@-]/g, '')
          writeFileSync(path.join(dir, `${Date.now()}-${id}.eml`), Buffer.concat(chunks))
          /* eslint-enable security/detect-non-literal-fs-filename */
          done(null, { messageId: id, envelope: {} })
        } catch (err) {
          done(err as Error)
        }
      })
    },
  }
}

export function createTransport(env: Env): Transporter {
  if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL)
  return nodemailer.createTransport(outboxTransport(path.resolve(env.DATA_DIR, 'outbox')) as never)
}

/** A message as the email templates render it. */
export interface RenderedEmail {
  to: string
  subject: string
  html: string
  text: string
}

/**
 * The same Message-ID every time one email is sent (an order's confirmation, say): a retry after a runner died
 * between sending and recording is then recognisable as the same message by mail clients and by the drill.
 */
export function stableMessageId(parts: readonly (string | number)[], mailFrom: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'ipswich-retail.invalid'
  return `<${parts.map((p) => String(p).replace(/[^A-Za-z0-9.-]/g, '-')).join('.')}@${domain}>`
}

/** Sends one email and counts it, sent or failed, under its template; a failure is rethrown so the job retries. */
export async function sendAndRecord(payload: Pick<Payload, 'sendEmail'>, template: EmailTemplate, email: RenderedEmail, messageId?: string): Promise<void> {
  try {
    await payload.sendEmail({ to: email.to, subject: email.subject, html: email.html, text: email.text, messageId })
  } catch (err) {
    recordEmail(template, false)
    throw err
  }
  recordEmail(template, true)
}
