// UK domestic transfers need a sort code (six digits, written 12-34-56) and an eight-digit account number.
const SORT_CODE = /^\d{2}[- ]?\d{2}[- ]?\d{2}$/
const ACCOUNT_NUMBER = /^\d{8}$/
// Country, two check digits, then up to 30 letters or digits (ISO 13616).
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/
// Bank and country (six letters), location, and an optional branch: 8 or 11 characters (ISO 9362).
const BIC = /^[A-Z]{6}[A-Z0-9]+$/
const BIC_LENGTHS = [8, 11]

export interface BankDetails {
  accountName: string
  sortCode: string
  accountNumber: string
  iban?: string | null
  bic?: string | null
}

const blank = (value: string | null | undefined): boolean => !value || value.trim() === ''

/** "12 34 56" or "123456" → "12-34-56"; anything not six digits is returned trimmed, for the validator to refuse. */
export function normaliseSortCode(value: string): string {
  const trimmed = value.trim()
  if (!SORT_CODE.test(trimmed)) return trimmed
  const digits = trimmed.replace(/\D/g, '')
  return `${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`
}

/** Null when `value` is a UK sort code (or empty: not set), else what is wrong with it. */
export function sortCodeProblem(value: string | null | undefined): string | null {
  if (blank(value) || SORT_CODE.test((value as string).trim())) return null
  return 'must be a UK sort code: six digits, e.g. 12-34-56 or 123456'
}

/** Spaces removed: "1234 5678" → "12345678". */
export function normaliseAccountNumber(value: string): string {
  return value.replace(/\s+/g, '')
}

export function accountNumberProblem(value: string | null | undefined): string | null {
  if (blank(value) || ACCOUNT_NUMBER.test(normaliseAccountNumber(value as string))) return null
  return 'must be a UK account number: 8 digits, e.g. 12345678'
}

/** Spaces removed and upper-cased, as IBANs and BICs are compared: "gb82 west …" → "GB82WEST…". */
export function normaliseBankCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

// ISO 13616: move the first four characters to the end, letters become 10–35, and the number mod 97 is 1.
function ibanChecksumHolds(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const char of moved) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55)
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97
  }
  return remainder === 1
}

export function ibanProblem(value: string | null | undefined): string | null {
  if (blank(value)) return null
  const iban = normaliseBankCode(value as string)
  if (IBAN.test(iban) && ibanChecksumHolds(iban)) return null
  return 'must be a valid IBAN, e.g. GB82 WEST 1234 5698 7654 32'
}

export function bicProblem(value: string | null | undefined): string | null {
  if (blank(value)) return null
  const bic = normaliseBankCode(value as string)
  if (BIC.test(bic) && BIC_LENGTHS.includes(bic.length)) return null
  return 'must be a BIC of 8 or 11 letters and digits, e.g. NWBKGB2L'
}

/** The details a shopper needs to pay, or null while the account name, sort code or account number is missing. */
export function completeBankDetails(value: Partial<Record<keyof BankDetails, string | null | undefined>> | null | undefined): BankDetails | null {
  if (!value || blank(value.accountName) || blank(value.sortCode) || blank(value.accountNumber)) return null
  if (sortCodeProblem(value.sortCode) || accountNumberProblem(value.accountNumber)) return null
  return {
    accountName: (value.accountName as string).trim(),
    sortCode: normaliseSortCode(value.sortCode as string),
    accountNumber: normaliseAccountNumber(value.accountNumber as string),
    iban: blank(value.iban) ? null : normaliseBankCode(value.iban as string),
    bic: blank(value.bic) ? null : normaliseBankCode(value.bic as string),
  }
}
