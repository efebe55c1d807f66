import { renderWebhookDisabledEmail } from './webhookDisabledEmail'

const data = {
  storeName: 'Ipswich Retail',
  ownerEmail: 'ops@example.com',
  url: 'https://hooks.example.com/in?a=1&b=<2>',
  failures: 5,
  lastError: 'The receiver answered 500',
  adminUrl: 'http://localhost:8000/admin/collections/webhooks/3',
}

describe('renderWebhookDisabledEmail', () => {
  it('should tell the owner which webhook was switched off, why, and where to turn it back on', () => {
    const email = renderWebhookDisabledEmail(data)
    expect(email.to).toBe('ops@example.com')
    expect(email.subject).toBe('Webhook disabled: https://hooks.example.com/in?a=1&b=<2> – Ipswich Retail')
    expect(email.text).toContain('failed 5 deliveries in a row')
    expect(email.text).toContain('The last error was: The receiver answered 500')
    expect(email.text).toContain(data.adminUrl)
  })

  it('should escape the URL in the HTML part', () => {
    expect(renderWebhookDisabledEmail(data).html).toContain('a=1&#38;b=&#60;2&#62;')
  })
})
