import { NO_BANK_DETAILS, type PaymentInstructions as Instructions } from '../../src/commerce/paymentInstructions'

/** How to pay a bank-transfer order, as the CMS worked it out (the same words as the confirmation email). */
export function PaymentInstructions({ instructions }: { instructions: Instructions }) {
  const { bank } = instructions
  const rows: [string, string, string][] = [
    ['Amount', instructions.amount, 'pay-amount'],
    ...(bank
      ? ([
          ['Account name', bank.accountName, 'pay-account-name'],
          ['Sort code', bank.sortCode, 'pay-sort-code'],
          ['Account number', bank.accountNumber, 'pay-account-number'],
          ...(bank.iban ? [['IBAN', bank.iban, 'pay-iban']] : []),
          ...(bank.bic ? [['BIC', bank.bic, 'pay-bic']] : []),
        ] as [string, string, string][])
      : []),
    ['Reference', instructions.reference, 'pay-reference'],
    ['Pay by', instructions.payBy, 'pay-by'],
  ]
  return (
    <section className="stack" aria-labelledby="how-to-pay" data-testid="payment-instructions">
      <h2 id="how-to-pay">How to pay</h2>
      <p>
        Please pay by bank transfer by <strong>{instructions.payBy}</strong>, using your order number as the reference. An order not paid by then expires.
      </p>
      {bank ? null : <p data-testid="pay-no-details">{NO_BANK_DETAILS}</p>}
      <dl className="pay-details">
        {rows.map(([label, value, testId]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
