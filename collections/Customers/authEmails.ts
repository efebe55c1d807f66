import { escapeHtml } from '../../src/commerce/html'
import { env } from '../../src/infra/env'

export function resetPasswordEmail(args?: { token?: string }): string {
  const url = `${env().storefrontUrl}/account/reset-password?token=${encodeURIComponent(args?.token ?? '')}`
  return `<p>Someone asked to reset the password of your Ipswich Retail account.</p>
<p><a href="${escapeHtml(url)}">Choose a new password</a></p>
<p>If it was not you, ignore this email.</p>`
}

export function verifyEmail(args?: { token?: string }): string {
  const url = `${env().storefrontUrl}/account/verify?token=${encodeURIComponent(args?.token ?? '')}`
  return `<p>Welcome to Ipswich Retail.</p><p><a href="${escapeHtml(url)}">Confirm your email address</a></p>`
}
