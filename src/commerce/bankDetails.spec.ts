import {
  accountNumberProblem,
  bicProblem,
  completeBankDetails,
  ibanProblem,
  normaliseAccountNumber,
  normaliseBankCode,
  normaliseSortCode,
  sortCodeProblem,
} from './bankDetails'

describe('sort codes', () => {
  it.each(['12-34-56', '123456', '12 34 56', ' 12-34-56 '])('should accept %j', (value) => {
    expect(sortCodeProblem(value)).toBeNull()
  })

  it.each(['12345', '1234567', '12-34-5a', '12/34/56', '1-234-56'])('should refuse %j with the UK format', (value) => {
    expect(sortCodeProblem(value)).toBe('must be a UK sort code: six digits, e.g. 12-34-56 or 123456')
  })

  it('should treat an empty sort code as not set', () => {
    expect([sortCodeProblem(''), sortCodeProblem(null), sortCodeProblem(undefined)]).toEqual([null, null, null])
  })

  it.each(['123456', '12 34 56', '12-34-56'])('should write %j as 12-34-56', (value) => {
    expect(normaliseSortCode(value)).toBe('12-34-56')
  })

  it('should leave a malformed sort code for the validator to refuse', () => {
    expect(normaliseSortCode(' 12345 ')).toBe('12345')
  })
})

describe('account numbers', () => {
  it.each(['12345678', '1234 5678'])('should accept %j', (value) => {
    expect(accountNumberProblem(value)).toBeNull()
  })

  it.each(['1234567', '123456789', '1234567a'])('should refuse %j', (value) => {
    expect(accountNumberProblem(value)).toBe('must be a UK account number: 8 digits, e.g. 12345678')
  })

  it('should remove spaces', () => {
    expect(normaliseAccountNumber('1234 5678')).toBe('12345678')
  })
})

describe('IBAN and BIC', () => {
  it('should accept a valid IBAN with spaces and lower case', () => {
    expect(ibanProblem('gb82 west 1234 5698 7654 32')).toBeNull()
  })

  it('should refuse an IBAN whose check digits are wrong', () => {
    expect(ibanProblem('GB83WEST12345698765432')).toBe('must be a valid IBAN, e.g. GB82 WEST 1234 5698 7654 32')
  })

  it.each(['NWBKGB2L', 'NWBKGB2LXXX', 'nwbk gb 2l'])('should accept the BIC %j', (value) => {
    expect(bicProblem(value)).toBeNull()
  })

  it.each(['NWBKGB2', 'NWBK1B2L', 'NWBKGB2LXX'])('should refuse the BIC %j', (value) => {
    expect(bicProblem(value)).toBe('must be a BIC of 8 or 11 letters and digits, e.g. NWBKGB2L')
  })

  it('should treat empty IBAN and BIC as not set', () => {
    expect([ibanProblem(''), bicProblem(null)]).toEqual([null, null])
  })

  it('should write codes without spaces in upper case', () => {
    expect(normaliseBankCode('gb82 west 1234')).toBe('GB82WEST1234')
  })
})

describe('completeBankDetails', () => {
  it('should give the normalised details when name, sort code and account number are set', () => {
    expect(completeBankDetails({ accountName: ' Ipswich Retail Ltd ', sortCode: '123456', accountNumber: '1234 5678', iban: '', bic: 'nwbkgb2l' })).toEqual({
      accountName: 'Ipswich Retail Ltd',
      sortCode: '12-34-56',
      accountNumber: '12345678',
      iban: null,
      bic: 'NWBKGB2L',
    })
  })

  it.each([null, {}, { accountName: 'A', sortCode: '12-34-56' }, { accountName: ' ', sortCode: '12-34-56', accountNumber: '12345678' }])(
    'should give null while a required detail is missing (%j)',
    (value) => {
      expect(completeBankDetails(value)).toBeNull()
    },
  )

  it('should give null for details that do not validate', () => {
    expect(completeBankDetails({ accountName: 'A', sortCode: '12-34-5', accountNumber: '12345678' })).toBeNull()
  })
})
