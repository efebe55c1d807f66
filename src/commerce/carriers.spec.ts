import { DEFAULT_CARRIERS, trackingTemplateProblem, trackingUrl } from './carriers'

describe('trackingUrl', () => {
  it('should put the tracking number into the named carrier template', () => {
    expect(trackingUrl(DEFAULT_CARRIERS, 'Royal Mail', 'RM123456789GB')).toBe('https://www.royalmail.com/track-your-item#/tracking-results/RM123456789GB')
    expect(trackingUrl(DEFAULT_CARRIERS, 'DPD', '15501234567890')).toBe('https://track.dpd.co.uk/parcels/15501234567890')
    expect(trackingUrl(DEFAULT_CARRIERS, 'Evri', 'H01ABC')).toBe('https://www.evri.com/track/parcel/H01ABC/details')
  })

  it('should match the carrier name whatever its case and spaces', () => {
    expect(trackingUrl(DEFAULT_CARRIERS, '  royal mail ', 'RM1')).toContain('/tracking-results/RM1')
  })

  it('should URL-encode the tracking number and trim it', () => {
    expect(trackingUrl([{ name: 'X', trackingUrlTemplate: 'https://x.example/t?n={tracking}' }], 'X', ' a b/&c ')).toBe('https://x.example/t?n=a%20b%2F%26c')
  })

  it('should give null for an unknown carrier, a missing number or carrier, or no carriers', () => {
    expect(trackingUrl(DEFAULT_CARRIERS, 'Parcelforce', 'PF1')).toBeNull()
    expect(trackingUrl(DEFAULT_CARRIERS, 'DPD', '')).toBeNull()
    expect(trackingUrl(DEFAULT_CARRIERS, 'DPD', null)).toBeNull()
    expect(trackingUrl(DEFAULT_CARRIERS, null, 'X1')).toBeNull()
    expect(trackingUrl(null, 'DPD', 'X1')).toBeNull()
    expect(trackingUrl([{ name: 'DPD' }], 'DPD', 'X1')).toBeNull()
  })

  it('should give null when the stored template is not usable', () => {
    expect(trackingUrl([{ name: 'Bad', trackingUrlTemplate: 'javascript:alert({tracking})' }], 'Bad', 'X1')).toBeNull()
  })
})

describe('trackingTemplateProblem', () => {
  it('should accept every default template', () => {
    for (const carrier of DEFAULT_CARRIERS) expect(trackingTemplateProblem(carrier.trackingUrlTemplate)).toBeNull()
  })

  it('should explain what is wrong with a template', () => {
    expect(trackingTemplateProblem('')).toBe('is required')
    expect(trackingTemplateProblem(undefined)).toBe('is required')
    expect(trackingTemplateProblem('https://x.example/track')).toMatch(/\{tracking\}/)
    expect(trackingTemplateProblem('not a url {tracking}')).toMatch(/full web address/)
    expect(trackingTemplateProblem('ftp://x.example/{tracking}')).toMatch(/https:\/\//)
  })
})
