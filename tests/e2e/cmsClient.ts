// The CMS's public REST API over HTTP, as an integrator would call it.
export type CmsClient = ReturnType<typeof cmsClient>

export function cmsClient(baseUrl: string) {
  async function request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (token) headers.authorization = `JWT ${token}`
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`)
    return JSON.parse(text) as T
  }
  return {
    get: <T>(path: string, token?: string) => request<T>('GET', path, undefined, token),
    patch: <T>(path: string, body: unknown, token: string) => request<T>('PATCH', path, body, token),
    post: <T>(path: string, body: unknown, token?: string) => request<T>('POST', path, body, token),
    logIn: async (collection: 'users' | 'customers', who: { email: string; password: string }) =>
      (await request<{ token: string }>('POST', `/api/${collection}/login`, { email: who.email, password: who.password })).token,
    count: async (collection: string, token: string) =>
      (await request<{ totalDocs: number }>('GET', `/api/${collection}?limit=1&depth=0`, undefined, token)).totalDocs,
  }
}
