import type { GraphQLFieldConfig } from 'graphql'
import type { GraphQLExtension, PayloadRequest } from 'payload'

import { recordFailedStaffLogin } from '../infra/loginAudit'
import { requestPasswordReset, type ResettableCollection } from '../infra/passwordReset'
import type { GraphQLLogin } from '../infra/twoFactor/secondFactor'

type Context = { req: PayloadRequest }
type Field = GraphQLFieldConfig<unknown, Context, Record<string, unknown>>

/**
 * Payload's account mutations, kept with their names, arguments and answers but changed where issue 18 needs it:
 * `loginUser` takes a two-factor `code` and records refusals in the audit log, and `forgotPassword…` queue the reset
 * exactly as the REST endpoint does (src/endpoints/forgotPassword.ts), so known and unknown emails take one path.
 */
export const accountGraphQLMutations: GraphQLExtension = (GraphQL, { Mutation }) => {
  const fields = Mutation.fields as Record<string, Field>
  const login = fields.loginUser
  const forgot = (name: string, collection: ResettableCollection): Field => ({
    ...fields[name],
    description: 'As POST /api/' + collection + '/forgot-password: true whether or not the email has an account; the link is emailed by a job',
    resolve: async (_source, args, { req }) => {
      await requestPasswordReset(req.payload, collection, { email: args.email })
      return true
    },
  })
  const loginUser: Field = {
    ...login,
    description:
      'Staff login. An account with two-factor on needs `code` (six digits or a recovery code); without it the answer is the ' +
      'error two_factor_required and no session is made. Refusals are recorded in the audit log.',
    args: { ...login.args, code: { type: GraphQL.GraphQLString, description: 'The two-factor code, for accounts that have it on' } },
    resolve: async (source, args, context, info) => {
      const graphqlLogin: GraphQLLogin = { code: typeof args.code === 'string' ? args.code : null }
      context.req.context.graphqlLogin = graphqlLogin
      try {
        return await login.resolve!(source, args, context, info)
      } catch (error) {
        await recordFailedStaffLogin(context.req, args.email, error, 'graphql')
        throw error
      }
    },
  }
  return {
    loginUser,
    forgotPasswordCustomer: forgot('forgotPasswordCustomer', 'customers'),
    forgotPasswordUser: forgot('forgotPasswordUser', 'users'),
  }
}
