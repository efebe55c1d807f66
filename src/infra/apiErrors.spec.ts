import { APIError, Forbidden, NotFound, ValidationError } from 'payload'

import { CommerceError } from '../commerce/errors'
import { classifyPayloadError, formatGraphQLErrorResult, formatPayloadErrorResult } from './apiErrors'

describe('classifyPayloadError', () => {
  it('should name Payload errors by class, whatever their minified name', () => {
    const error = new NotFound()
    Object.defineProperty(error, 'name', { value: 'h' })
    expect(classifyPayloadError(error, 404)).toEqual({ code: 'not_found', name: 'NotFound' })
  })

  it('should fall back to a code for the status', () => {
    expect(classifyPayloadError(new APIError('x', 409), 409).code).toBe('conflict')
  })

  it('should keep the code of a CommerceError wrapped by GraphQL', () => {
    expect(classifyPayloadError({ originalError: new CommerceError(409, 'insufficient_stock', 'x') }, 409).code).toBe('insufficient_stock')
  })

  it('should call every 5xx internal_error', () => {
    expect(classifyPayloadError(new Error('db down'), 500).code).toBe('internal_error')
  })
})

describe('formatPayloadErrorResult', () => {
  const invalid = new ValidationError({ collection: 'products', errors: [{ path: 'title', message: 'This field is required.' }] })

  it('should answer our format with Payload errors kept beside it and field details', () => {
    const body = formatPayloadErrorResult(
      { errors: [{ name: 'g', message: 'The following field is invalid: title', data: invalid.data }] },
      invalid,
      400,
      false,
    )
    expect(body.error).toEqual({
      code: 'validation_failed',
      message: 'The following field is invalid: title',
      details: [{ field: 'title', message: 'This field is required.' }],
    })
    expect(body.errors?.[0].name).toBe('ValidationError')
  })

  it('should drop the stack unless debugging', () => {
    const result = { errors: [{ message: 'x' }], stack: 'Error at /app/src/x.ts:1' }
    expect(formatPayloadErrorResult(result, new Forbidden(), 403, false)).not.toHaveProperty('stack')
    expect(formatPayloadErrorResult(result, new Forbidden(), 403, true)).toHaveProperty('stack', result.stack)
  })
})

describe('formatGraphQLErrorResult', () => {
  it('should add extensions.code and drop the stack unless debugging', () => {
    const result = { message: 'Not Found', extensions: { name: 'h', statusCode: 404, stack: 'at /app' } }
    expect(formatGraphQLErrorResult(result, { originalError: new NotFound() }, false)).toEqual({
      message: 'Not Found',
      extensions: { name: 'NotFound', statusCode: 404, code: 'not_found' },
    })
  })
})
