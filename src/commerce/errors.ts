/** One problem with one field of a request, e.g. `items.0.quantity`. */
export interface FieldProblem {
  field: string
  message: string
}

/** The one error type of the commerce rules: carries the HTTP status endpoints should answer with. */
export class CommerceError extends Error {
  readonly status: number
  readonly code: string
  readonly details?: unknown

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'CommerceError'
    this.status = status
    this.code = code
    if (details !== undefined) this.details = details
  }

  /** The JSON body an endpoint answers with. */
  toJSON(): { error: { code: string; message: string; details?: unknown } } {
    const error: { code: string; message: string; details?: unknown } = {
      code: this.code,
      message: this.message,
    }
    if (this.details !== undefined) error.details = this.details
    return { error }
  }
}

export function isCommerceError(value: unknown): value is CommerceError {
  return value instanceof CommerceError
}

/** 400 naming the fields at fault; the message lists them so a log line alone is useful. */
export function invalidFields(code: string, problems: FieldProblem[]): CommerceError {
  const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ')
  return new CommerceError(400, code, message, problems)
}

export function invalidField(code: string, field: string, message: string): CommerceError {
  return invalidFields(code, [{ field, message }])
}

export function notFound(code: string, message: string): CommerceError {
  return new CommerceError(404, code, message)
}

export function conflict(code: string, message: string, details?: unknown): CommerceError {
  return new CommerceError(409, code, message, details)
}

/** A deployment mistake (bad environment value): refuse to start rather than misbehave. */
export function configError(variable: string, message: string): CommerceError {
  return new CommerceError(500, 'invalid_config', `${variable}: ${message}`, [{ field: variable, message }])
}
