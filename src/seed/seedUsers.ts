import type { SeedContext } from './context'
import { SEED_CONTEXT } from './context'

export interface Credential {
  role: string
  email: string
  password: string
}

export interface UserOptions {
  development: boolean
  adminEmail?: string
  adminPassword?: string
  cmsUrl: string
}

// The demo admin exists only in development and only when no ADMIN_EMAIL is configured: a newcomer on the quick start
// can create an API key (docs/integrators.md step 1). Its password meets the staff password policy (16+ characters).
export const DEMO_ADMIN = { email: 'admin@ipswich-retail.test', password: 'ipswich-admin-demo-2026!', name: 'Demo Administrator' }
export const DEMO_MERCHANDISER = { email: 'merch@ipswich-retail.test', password: 'ipswich-merch-demo', name: 'Demo Merchandiser' }
export const DEMO_FULFILMENT = { email: 'fulfil@ipswich-retail.test', password: 'ipswich-fulfil-demo', name: 'Demo Fulfilment' }
export const DEMO_CUSTOMER = { email: 'customer@ipswich-retail.test', password: 'ipswich-customer-demo', name: 'Harriet Cobbold' }

async function exists(ctx: SeedContext, collection: 'users' | 'customers', email: string): Promise<boolean> {
  const { totalDocs } = await ctx.payload.count({ collection, where: { email: { equals: email } }, overrideAccess: true })
  return totalDocs > 0
}

async function ensureAdmin(ctx: SeedContext, email: string, password: string, name = 'Administrator'): Promise<void> {
  if (await exists(ctx, 'users', email)) return ctx.log(`  admin ${email}: already there (password left alone)`)
  await ctx.payload.create({
    collection: 'users',
    data: { email, password, name, roles: ['admin'] },
    overrideAccess: true,
    context: SEED_CONTEXT,
  })
  ctx.tally.users += 1
  ctx.log(`  admin ${email}: created`)
}

async function ensureDemoStaffMember(ctx: SeedContext, who: typeof DEMO_MERCHANDISER, role: 'merchandiser' | 'fulfilment'): Promise<void> {
  const { email, password, name } = who
  if (await exists(ctx, 'users', email)) return ctx.log(`  ${role} ${email}: already there`)
  // context.seed keeps roles as given even when this is the first staff account (see makeFirstUserAdmin).
  await ctx.payload.create({
    collection: 'users',
    data: { email, password, name, roles: [role] },
    overrideAccess: true,
    context: SEED_CONTEXT,
  })
  ctx.tally.users += 1
  ctx.log(`  ${role} ${email}: created`)
}

async function ensureDemoStaff(ctx: SeedContext): Promise<void> {
  await ensureDemoStaffMember(ctx, DEMO_MERCHANDISER, 'merchandiser')
  await ensureDemoStaffMember(ctx, DEMO_FULFILMENT, 'fulfilment')
}

async function ensureDemoCustomer(ctx: SeedContext): Promise<void> {
  const { email, password, name } = DEMO_CUSTOMER
  if (await exists(ctx, 'customers', email)) return ctx.log(`  customer ${email}: already there`)
  const address = { name, line1: '12 Museum Street', city: 'Ipswich', postcode: 'IP1 1HE', country: 'GB' }
  await ctx.payload.create({
    collection: 'customers',
    data: {
      email,
      password,
      name,
      phone: '01473 000000',
      // Verified up front so the demo login works when EMAIL_VERIFICATION is on (the field exists only then).
      ...({ _verified: true } as object),
      addresses: [{ label: 'Home', ...address, isDefaultShipping: true, isDefaultBilling: true }],
      marketingConsent: false,
    },
    disableVerificationEmail: true,
    overrideAccess: true,
    context: SEED_CONTEXT,
  })
  ctx.tally.customers += 1
  ctx.log(`  customer ${email}: created`)
}

/** How to get an administrator when none exists, or nothing when one does. */
async function adminAdvice(ctx: SeedContext, cmsUrl: string): Promise<string | undefined> {
  const admins = await ctx.payload.count({ collection: 'users', where: { roles: { equals: 'admin' } }, overrideAccess: true })
  if (admins.totalDocs > 0) return undefined
  const staff = await ctx.payload.count({ collection: 'users', overrideAccess: true })
  if (staff.totalDocs === 0) {
    return `No staff account yet: open ${cmsUrl}/admin and create the first user; it becomes the admin.`
  }
  return 'No admin account yet: set ADMIN_EMAIL and ADMIN_PASSWORD and run `npm run seed` again to create one.'
}

/** The configured admin (first, so the first-user rule makes no one else admin), then the development demo accounts. */
export async function seedUsers(ctx: SeedContext, options: UserOptions): Promise<{ credentials: Credential[]; notes: string[] }> {
  const notes: string[] = []
  if (options.adminEmail && options.adminPassword) await ensureAdmin(ctx, options.adminEmail, options.adminPassword)
  else if (options.adminEmail) notes.push('ADMIN_EMAIL is set without ADMIN_PASSWORD: no admin was created.')
  const credentials: Credential[] = []
  if (options.adminEmail && options.adminPassword) {
    credentials.push({ role: 'admin (admin panel)', email: options.adminEmail, password: '(your ADMIN_PASSWORD)' })
  } else if (options.development && !options.adminEmail) {
    await ensureAdmin(ctx, DEMO_ADMIN.email, DEMO_ADMIN.password, DEMO_ADMIN.name)
    credentials.push({ role: 'admin (admin panel, API keys)', email: DEMO_ADMIN.email, password: DEMO_ADMIN.password })
  }
  if (options.development) {
    await ensureDemoStaff(ctx)
    await ensureDemoCustomer(ctx)
    credentials.push(
      { role: 'merchandiser (admin panel)', email: DEMO_MERCHANDISER.email, password: DEMO_MERCHANDISER.password },
      { role: 'fulfilment (admin panel)', email: DEMO_FULFILMENT.email, password: DEMO_FULFILMENT.password },
      { role: 'customer (storefront)', email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
    )
  }
  const advice = await adminAdvice(ctx, options.cmsUrl)
  if (advice) notes.push(advice)
  return { credentials, notes }
}
