import { escapeHtml } from '../commerce/html'
import type { RenderedEmail } from '../infra/mailer'

export interface WebhookDisabledEmailData {
  storeName: string
  ownerEmail: string
  url: string
  failures: number
  lastError: string | null
  adminUrl: string
}

/** Tells a webhook's owner it was switched off after failing delivery after delivery, and how to turn it back on. */
export function renderWebhookDisabledEmail(data: WebhookDisabledEmailData): RenderedEmail {
  const lines = [
    `Your webhook ${data.url} failed ${data.failures} deliveries in a row, each after all its retries, so ${data.storeName} has switched it off.`,
    data.lastError ? `The last error was: ${data.lastError}` : '',
    `Fix the receiver, then tick "Active" again at ${data.adminUrl} (failed deliveries can be sent again with "Redeliver").`,
  ].filter(Boolean)
  return {
    to: data.ownerEmail,
    subject: `Webhook disabled: ${data.url} – ${data.storeName}`,
    text: lines.join('\n\n'),
    html: `<!doctype html><html><body style="font-family:sans-serif"><h1>Webhook disabled</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`,
  }
}
