/** Calls a two-factor endpoint with the browser's session cookie; answers the JSON body or throws its message. */
export async function postTwoFactor<T>(api: string, step: 'setup' | 'enable' | 'verify' | 'disable', body: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${api}/users/two-factor/${step}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } }
  if (!res.ok) throw new Error(json.error?.message ?? `The server answered ${res.status}`)
  return json
}
