import { renderLowStockEmail } from './lowStockEmail'

// Security review (issue 18): the store's name is a setting an admin types; it must reach the email as text, not markup.
// (Since the MJML templates, src/emails/layout.ts escapes it; this pins that.)
describe('renderLowStockEmail with a store name holding markup', () => {
  const storeName = '<img src=x onerror=alert(1)> Ipswich & "Co"'

  it('should escape the store name wherever the HTML shows it', async () => {
    const email = await renderLowStockEmail({
      storeName,
      recipients: ['stock@example.com'],
      items: [{ sku: 'MUG-1', available: 2, threshold: 5 }],
      inventoryUrl: 'https://cms.example/admin/collections/inventory',
    })
    expect(email.html).not.toContain('<img src=x')
    expect(email.html).toContain('&#60;img src=x onerror=alert(1)&#62; Ipswich &#38; &#34;Co&#34;')
  })
})
