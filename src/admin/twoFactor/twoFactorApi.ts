/** POSTs JSON with the browser's session cookie; answers the JSON body or throws its message. */
async function postJson<T>(url: string, body: Record<string, string>): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } }
  if (!res.ok) throw new Error(json.error?.message ?? `The server answered ${res.status}`)
  return json
}

/** Calls a two-factor endpoint of the signed-in staff member. */
export const postTwoFactor = <T>(api: string, step: 'setup' | 'enable' | 'verify' | 'disable', body: Record<string, string> = {}): Promise<T> =>
  postJson<T>(`${api}/users/two-factor/${step}`, body)

/** An admin's reset of another staff member's two-factor (POST /api/users/:id/two-factor/reset). */
export const resetTwoFactorOf = (api: string, id: string | number): Promise<{ enabled: false }> =>
  postJson(`${api}/users/${encodeURIComponent(String(id))}/two-factor/reset`, {})
