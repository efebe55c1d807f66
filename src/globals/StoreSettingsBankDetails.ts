import type { Field, FieldHook } from 'payload'

import { isStaffField } from '../access/isStaff'
import {
  accountNumberProblem,
  bicProblem,
  ibanProblem,
  normaliseAccountNumber,
  normaliseBankCode,
  normaliseSortCode,
  sortCodeProblem,
} from '../commerce/bankDetails'

type Problem = (value: string | null | undefined) => string | null

const normalised =
  (normalise: (value: string) => string): FieldHook =>
  ({ value }) =>
    typeof value === 'string' && value.trim() ? normalise(value) : value

// The rule and its message live in src/commerce; Payload answers a bad value with 400 and that message.
const checkedText = (name: string, label: string, problem: Problem, normalise: (value: string) => string, description: string): Field => ({
  name,
  label,
  type: 'text',
  validate: (value: string | null | undefined) => problem(value) ?? true,
  hooks: { beforeChange: [normalised(normalise)] },
  admin: { description },
})

/** Where shoppers who choose bank transfer send the money; the reference is the order number. */
export const bankDetailsField: Field = {
  name: 'bankDetails',
  label: 'Bank details',
  type: 'group',
  // Shoppers see them only in the payment instructions of their own bank-transfer order.
  access: { read: isStaffField },
  admin: {
    description:
      'Shown on the order page and in the confirmation email of bank-transfer orders, with the order number as the reference and a pay-by date of the order date plus the manual payment hold days. Leave empty to tell shoppers the shop will email payment details.',
  },
  fields: [
    { name: 'accountName', type: 'text', admin: { description: 'The name on the account, e.g. Ipswich Retail Ltd.' } },
    checkedText('sortCode', 'Sort code', sortCodeProblem, normaliseSortCode, 'e.g. 12-34-56; saved as 12-34-56.'),
    checkedText('accountNumber', 'Account number', accountNumberProblem, normaliseAccountNumber, '8 digits.'),
    checkedText('iban', 'IBAN', ibanProblem, normaliseBankCode, 'Optional, for payments from abroad.'),
    checkedText('bic', 'BIC', bicProblem, normaliseBankCode, 'Optional, for payments from abroad.'),
  ],
}
