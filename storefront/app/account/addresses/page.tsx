import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { AccountNav } from '@/components/account/AccountNav'
import { AddressForm } from '@/components/account/AddressForm'
import { deleteAddressAction } from '@/lib/account/addressActions'
import { countryName, shippingCountries } from '@/lib/catalogue/settings'
import { currentCustomer } from '@/lib/session/session'

export const metadata: Metadata = { title: 'Your addresses', robots: { index: false } }

export default async function AddressesPage() {
  const session = await currentCustomer()
  if (!session) redirect('/account/login?next=/account/addresses')
  const countries = (await shippingCountries()).map((code) => ({ code, name: countryName(code) }))
  const addresses = session.customer.addresses ?? []
  return (
    <div className="wrap page">
      <h1>Your addresses</h1>
      <AccountNav />
      {addresses.length === 0 ? <p>No saved addresses yet.</p> : null}
      <ul className="address-list" data-testid="address-list">
        {addresses.map((address, index) => (
          <li key={address.id ?? index} className="address-card">
            <h2>{address.label || address.name}</h2>
            <p className="muted">
              {[address.line1, address.city, address.postcode, address.country ? countryName(address.country) : null].filter(Boolean).join(', ')}
              {address.isDefaultShipping ? ' · default delivery' : ''}
              {address.isDefaultBilling ? ' · default billing' : ''}
            </p>
            <details>
              <summary>Edit</summary>
              <AddressForm address={address} index={index} countries={countries} />
            </details>
            <form action={deleteAddressAction}>
              <input type="hidden" name="index" value={index} />
              <button type="submit" className="link">
                Delete
              </button>
            </form>
          </li>
        ))}
      </ul>
      <section className="address-card" style={{ maxWidth: 560 }}>
        <h2>Add an address</h2>
        <AddressForm index={null} countries={countries} />
      </section>
    </div>
  )
}
