import { env } from '../../src/infra/env'

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function resetPasswordEmail(args?: { token?: string }): string {
  const url = `${env().storefrontUrl}/account/reset-password?token=${encodeURIComponent(args?.token ?? '')}`
  return `<p>Someone asked to reset the password of your Ipswich Retail account.</p>
<p><a href="${escape(url)}">Choose a new password</a></p>
<p>If it was not you, ignore this email.</p>`
}

export function verifyEmail(args?: { token?: string }): string {
  const url = `${env().storefrontUrl}/account/verify?token=${encodeURIComponent(args?.token ?? '')}`
  return `<p>Welcome to Ipswich Retail.</p><p><a href="${escape(url)}">Confirm your email address</a></p>`
}
