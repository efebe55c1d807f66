import { capsFor, depthRefusal, limitRefusal } from './pageCaps'

const settings = { API_MAX_LIMIT: 100, API_MAX_LIMIT_STAFF: 250, API_MAX_DEPTH: 3 }

describe('page caps', () => {
  it('should give staff and API keys the larger page and everyone else the smaller one', () => {
    expect([undefined, 'customers', 'users', 'integrations'].map((c) => capsFor(c, settings).maxLimit)).toEqual([100, 100, 250, 250])
  })

  it('should refuse a limit above the cap, limit=0 and pagination=false, naming the cap', () => {
    const caps = capsFor('users', settings)
    expect([{ limit: '251' }, { limit: 0 }, { pagination: false }, { pagination: 'false' }].map((ask) => limitRefusal(ask, caps)?.details)).toEqual([
      { param: 'limit', max: 250 },
      { param: 'limit', max: 250 },
      { param: 'pagination', max: 250 },
      { param: 'pagination', max: 250 },
    ])
  })

  it('should let a page at or under the cap through', () => {
    expect([{}, { limit: '250' }, { limit: 1, pagination: true }, { limit: '' }].map((ask) => limitRefusal(ask, capsFor('integrations', settings)))).toEqual([
      null,
      null,
      null,
      null,
    ])
  })

  it('should refuse a depth above the cap for everyone', () => {
    expect([depthRefusal({ depth: '4' }, capsFor('users', settings))?.code, depthRefusal({ depth: 3 }, capsFor(undefined, settings))]).toEqual([
      'depth_too_large',
      null,
    ])
  })
})
