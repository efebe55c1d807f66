import type { z } from 'zod'
import { invalidFields } from './errors'
import type { CommerceError, FieldProblem } from './errors'

// Keys a client might use to smuggle a price; the server computes every amount.
const PRICE_LIKE = /price|total|amount|cost|subtotal|vat|tax|discount|shipping|fee|pence/i

export function isPriceLikeKey(key: string): boolean {
  return PRICE_LIKE.test(key)
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'body' : path.map(String).join('.')
}

/** One problem per field, unknown keys split out so each names its own path. */
export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code !== 'unrecognized_keys') return [{ field: fieldOf(issue.path), message: issue.message }]
    return issue.keys.map((key) => ({
      field: fieldOf([...issue.path, key]),
      message: isPriceLikeKey(key) ? `"${key}" is refused: prices and totals are computed by the store, never sent` : `"${key}" is not an accepted field`,
    }))
  })
}

export function commerceErrorFromZod(error: z.ZodError, code = 'invalid_body'): CommerceError {
  return invalidFields(code, problemsFromZod(error))
}

/** Parses or throws CommerceError(400, code) naming every invalid field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, code = 'invalid_body'): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw commerceErrorFromZod(result.error, code)
  return result.data
}
