import { withGuestFallback } from './guestFallback'

describe('withGuestFallback', () => {
  it('should send the checkout again without the token when the CMS answers 401, ending the stale session', async () => {
    const sent: (string | null)[] = []
    let ended = 0
    const answer = await withGuestFallback(
      'expired-token',
      async (token) => (sent.push(token), token ? { status: 401, data: { error: { code: 'unauthorized' } } } : { status: 201, data: { ok: true } }),
      async () => void ended++,
    )
    expect([answer, sent, ended]).toEqual([{ status: 201, data: { ok: true } }, ['expired-token', null], 1])
  })

  it('should send a logged-in checkout once when the CMS accepts the token', async () => {
    const sent: (string | null)[] = []
    const answer = await withGuestFallback('good-token', async (token) => (sent.push(token), { status: 201, data: {} }))
    expect([answer.status, sent]).toEqual([201, ['good-token']])
  })

  it('should not retry a guest checkout refused with 401', async () => {
    const sent: (string | null)[] = []
    const answer = await withGuestFallback(null, async (token) => (sent.push(token), { status: 401, data: {} }))
    expect([answer.status, sent]).toEqual([401, [null]])
  })
})
