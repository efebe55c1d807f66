import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

import { isPrivateAddress } from '../../commerce/webhooks/addresses'

const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, '')

const refusal = (url: string, address: string) =>
  `Webhook URL ${url} resolves to ${address}, a private, loopback or link-local address; only public addresses may receive webhooks here (WEBHOOK_ALLOW_PRIVATE_URLS)`

/**
 * Why a webhook URL may not be used, or null. Outside development every address its host resolves to must be public;
 * the same check runs again at delivery time, since DNS can change after the save.
 */
export async function webhookUrlRefusal(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null
  const host = hostOf(url)
  if (isIP(host)) return isPrivateAddress(host) ? refusal(url, host) : null
  let addresses: LookupAddress[]
  try {
    addresses = await lookup(host, { all: true })
  } catch {
    return `The host of webhook URL ${url} could not be resolved`
  }
  const bad = addresses.find((a) => isPrivateAddress(a.address))
  return bad ? refusal(url, bad.address) : null
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` for http.request that refuses private addresses at connect time, so a host re-pointed between the check
 * and the connection (DNS rebinding) still cannot reach the inside.
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, [])
    const bad = addresses.find((a) => isPrivateAddress(a.address))
    if (bad) return callback(Object.assign(new Error(refusal(`http://${hostname}`, bad.address)), { code: 'EPRIVATEADDRESS' }), [])
    if (options.all) return callback(null, addresses)
    callback(null, addresses[0].address, addresses[0].family)
  })
}
