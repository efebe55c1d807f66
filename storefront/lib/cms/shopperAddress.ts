import { CLIENT_ADDRESS_HEADER, signClientAddress } from '../../../src/commerce/clientAddressSignature'
import { clientAddressSecret } from '../env'
import { SHOPPER_ADDRESS_HEADER } from '../server/noteShopperAddress'

/**
 * The shopper's address, signed for the CMS (src/commerce/clientAddressSignature.ts), so its rate limits and caps
 * count each shopper apart instead of the storefront as one client. Empty outside a request or without the secret.
 */
export async function signedShopperAddress(): Promise<Record<string, string>> {
  const secret = clientAddressSecret()
  if (!secret) return {}
  try {
    const { headers } = await import('next/headers')
    const address = (await headers()).get(SHOPPER_ADDRESS_HEADER)
    return address ? { [CLIENT_ADDRESS_HEADER]: signClientAddress(address, secret) } : {}
  } catch {
    // Outside a request (build, revalidation): the CMS sees the storefront's own address.
    return {}
  }
}
