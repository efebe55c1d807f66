import type { AfterErrorHook } from 'payload'

import { isCommerceError } from '../commerce/errors'

/**
 * A GraphQL error thrown by a commerce operation carries the REST error's code and details: `extensions.code` is what
 * `error.code` would be over REST (e.g. insufficient_stock), so clients handle both the same way.
 */
export const commerceGraphQLErrorCode: AfterErrorHook = ({ error, graphqlResult }) => {
  if (!graphqlResult) return
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!isCommerceError(original)) return
  const details = original.details === undefined ? {} : { details: original.details }
  return { graphqlResult: { ...graphqlResult, extensions: { ...graphqlResult.extensions, code: original.code, ...details } } }
}
