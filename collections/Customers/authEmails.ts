import { escapeHtml } from '../../src/commerce/html'

type EmailArgs = { token?: string }

/** The reset-password email, linking to the storefront at `storefrontUrl`. */
export const resetPasswordEmail =
  (storefrontUrl: string) =>
  (args?: EmailArgs): string => {
    const url = `${storefrontUrl}/account/reset-password?token=${encodeURIComponent(args?.token ?? '')}`
    return `<p>Someone asked to reset the password of your Ipswich Retail account.</p>
<p><a href="${escapeHtml(url)}">Choose a new password</a></p>
<p>If it was not you, ignore this email.</p>`
  }

/** The verify-your-address email, linking to the storefront at `storefrontUrl`. */
export const verifyEmail =
  (storefrontUrl: string) =>
  (args?: EmailArgs): string => {
    const url = `${storefrontUrl}/account/verify?token=${encodeURIComponent(args?.token ?? '')}`
    return `<p>Welcome to Ipswich Retail.</p><p><a href="${escapeHtml(url)}">Confirm your email address</a></p>`
  }
