'use server'

import { redirect } from 'next/navigation'
import type { FieldErrors } from '../cms/apiErrors'
import { apiErrorMessage, apiFieldErrors } from '../cms/apiErrors'
import { CmsError, cmsRequest } from '../cms/client'
import type { Customer } from '../cms/types'
import { writeCartCookie } from '../cart/cartStore'
import { mergeCartOnLogin } from './mergeCartOnLogin'
import { safeNext } from './safeNext'
import { endSession, sessionToken, startSession } from './session'

export interface AuthState {
  error: string | null
  notice: string | null
  fieldErrors: FieldErrors
  email: string
}

const MIN_PASSWORD = 8
const text = (formData: FormData, name: string) => String(formData.get(name) ?? '').trim()
const state = (email: string, patch: Partial<AuthState>): AuthState => ({ error: null, notice: null, fieldErrors: {}, email, ...patch })
const UNREACHABLE = 'The shop is not answering just now. Please try again in a moment.'

type LoginAnswer = { token?: string; exp?: number; user?: Customer }

async function logInWith(email: string, password: string): Promise<{ ok: true; answer: LoginAnswer } | { ok: false; message: string }> {
  const res = await cmsRequest<LoginAnswer>('/api/customers/login', { endpoint: 'customers/login', method: 'POST', body: { email, password } })
  if (res.ok && res.data?.token) return { ok: true, answer: res.data }
  if (res.status === 429) return { ok: false, message: 'Too many attempts. Please wait a few minutes and try again.' }
  return { ok: false, message: apiErrorMessage(res.data, 'The email or password is not right.') }
}

async function begin(answer: LoginAnswer): Promise<void> {
  await startSession(answer.token as string, answer.exp)
  await mergeCartOnLogin(answer.user?.cart, answer.token as string)
}

export async function logInAction(_prev: AuthState, formData: FormData): Promise<AuthState> {
  const email = text(formData, 'email')
  const password = String(formData.get('password') ?? '')
  if (!email || !password) return state(email, { error: 'Enter your email and password.' })
  try {
    const result = await logInWith(email, password)
    if (!result.ok) return state(email, { error: result.message })
    await begin(result.answer)
  } catch (error) {
    if (error instanceof CmsError) return state(email, { error: UNREACHABLE })
    throw error
  }
  redirect(safeNext(formData.get('next')))
}

export async function registerAction(_prev: AuthState, formData: FormData): Promise<AuthState> {
  const email = text(formData, 'email')
  const name = text(formData, 'name')
  const password = String(formData.get('password') ?? '')
  const fieldErrors: FieldErrors = {}
  if (!email) fieldErrors.email = 'Enter your email address.'
  if (password.length < MIN_PASSWORD) fieldErrors.password = `Use at least ${MIN_PASSWORD} characters.`
  // eslint-disable-next-line security/detect-possible-timing-attacks -- both sides are what the shopper just typed, not a stored secret
  if (password !== String(formData.get('confirm') ?? '')) fieldErrors.confirm = 'The passwords do not match.'
  if (Object.keys(fieldErrors).length > 0) return state(email, { fieldErrors })
  try {
    const created = await cmsRequest('/api/customers', { endpoint: 'customers/create', method: 'POST', body: { email, password, name } })
    if (!created.ok)
      return state(email, { error: apiErrorMessage(created.data, 'We could not create your account.'), fieldErrors: apiFieldErrors(created.data) })
    const result = await logInWith(email, password)
    // With email verification on the first login waits for the emailed link; an address that already had an account
    // gets the same answer from the CMS (its owner is emailed), so this says no more than that.
    if (!result.ok) return state(email, { notice: 'Thank you. Check your email for what to do next, then log in.' })
    await begin(result.answer)
  } catch (error) {
    if (error instanceof CmsError) return state(email, { error: UNREACHABLE })
    throw error
  }
  redirect(safeNext(formData.get('next')))
}

export async function logOutAction(): Promise<void> {
  const token = await sessionToken()
  if (token) await cmsRequest('/api/customers/logout', { endpoint: 'customers/logout', method: 'POST', token }).catch(() => null)
  await endSession()
  // The cart stays with the account; a shared computer keeps nothing.
  await writeCartCookie([])
  redirect('/')
}

export async function forgotPasswordAction(_prev: AuthState, formData: FormData): Promise<AuthState> {
  const email = text(formData, 'email')
  if (!email) return state(email, { fieldErrors: { email: 'Enter your email address.' } })
  const res = await cmsRequest('/api/customers/forgot-password', { endpoint: 'customers/forgot-password', method: 'POST', body: { email } }).catch(() => null)
  if (!res || res.status >= 500) return state(email, { error: UNREACHABLE })
  if (res.status === 429) return state(email, { error: 'Too many requests. Please wait a few minutes.' })
  // The same answer whether or not the account exists.
  return state(email, { notice: 'If an account uses that address, we have emailed it a link to choose a new password.' })
}

export async function resetPasswordAction(_prev: AuthState, formData: FormData): Promise<AuthState> {
  const token = text(formData, 'token')
  const password = String(formData.get('password') ?? '')
  if (password.length < MIN_PASSWORD) return state('', { fieldErrors: { password: `Use at least ${MIN_PASSWORD} characters.` } })
  // eslint-disable-next-line security/detect-possible-timing-attacks -- both sides are what the shopper just typed, not a stored secret
  if (password !== String(formData.get('confirm') ?? '')) return state('', { fieldErrors: { confirm: 'The passwords do not match.' } })
  try {
    const res = await cmsRequest<LoginAnswer>('/api/customers/reset-password', {
      endpoint: 'customers/reset-password',
      method: 'POST',
      body: { token, password },
    })
    // A password the CMS's policy refuses (too common, too easy to guess) is said as the CMS says it.
    if (res.status === 400) return state('', { error: apiErrorMessage(res.data, 'Choose another password.'), fieldErrors: apiFieldErrors(res.data) })
    if (!res.ok || !res.data?.token) return state('', { error: 'This reset link has expired or was already used. Ask for a new one.' })
    await begin(res.data)
  } catch (error) {
    if (error instanceof CmsError) return state('', { error: UNREACHABLE })
    throw error
  }
  redirect('/account')
}

export async function verifyEmailAction(_prev: AuthState, formData: FormData): Promise<AuthState> {
  const token = text(formData, 'token')
  const res = await cmsRequest(`/api/customers/verify/${encodeURIComponent(token)}`, { endpoint: 'customers/verify', method: 'POST' }).catch(() => null)
  if (!res?.ok) return state('', { error: 'This link has expired or was already used.' })
  return state('', { notice: 'Thank you — your email address is confirmed. You can now log in.' })
}
