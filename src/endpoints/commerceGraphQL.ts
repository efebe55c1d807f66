import type { GraphQLExtension, PayloadRequest } from 'payload'
import { valueFromASTUntyped } from 'graphql'

import { adjustForGraphQL } from './adjustStock'
import { checkout } from './checkout'
import { lookupOrder } from './lookupOrder'
import { quote } from './quote'
import { transitionForGraphQL } from './transitionOrder'

type Context = { req: PayloadRequest }
type Args = Record<string, unknown>

/**
 * The commerce operations as GraphQL mutations: QuoteCart, Checkout, TransitionOrder, LookupOrder and AdjustStock. Each
 * resolver calls the same function as its REST endpoint, so rules, access, limits and error codes are the same; a
 * refusal is a GraphQL error whose `extensions.code` is the REST error code (src/endpoints/graphqlErrors.ts). Inputs
 * and answers are the REST bodies as JSON. Look-up is a mutation, like quote, so the anonymous read cache never keeps it.
 */
export const commerceGraphQLMutations: GraphQLExtension = (GraphQL) => {
  const { GraphQLID, GraphQLNonNull, GraphQLScalarType, GraphQLString } = GraphQL
  const CommerceJSON = new GraphQLScalarType({
    name: 'CommerceJSON',
    description: 'A JSON value: the body of the matching REST request or answer (docs/CONTRACT.md)',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
  })
  const required = <T extends import('graphql').GraphQLInputType>(type: T) => ({ type: new GraphQLNonNull(type) })
  const answer = { type: new GraphQLNonNull(CommerceJSON) }
  return {
    QuoteCart: {
      ...answer,
      description: 'As POST /api/cart/quote: prices a cart without writing anything',
      args: { input: required(CommerceJSON) },
      resolve: (_: unknown, args: Args, { req }: Context) => quote(req, args.input),
    },
    Checkout: {
      ...answer,
      description: 'As POST /api/checkout: idempotencyKey (or the Idempotency-Key header) is required; the same key never places a second order',
      args: { input: required(CommerceJSON), idempotencyKey: { type: GraphQLString } },
      resolve: (_: unknown, args: Args, { req }: Context) =>
        checkout(req, args.input, (args.idempotencyKey as string | null | undefined) ?? req.headers.get('idempotency-key')),
    },
    TransitionOrder: {
      ...answer,
      description: 'As POST /api/orders/:id/transition, staff only: input is { to, note?, restock?, carrier?, trackingNumber? }',
      args: { id: required(GraphQLID), input: required(CommerceJSON) },
      resolve: (_: unknown, args: Args, { req }: Context) => transitionForGraphQL(req, String(args.id), args.input),
    },
    LookupOrder: {
      ...answer,
      description: "As GET /api/orders/lookup: a guest's order by its number and the token from the confirmation email",
      args: { number: required(GraphQLString), token: required(GraphQLString) },
      resolve: (_: unknown, args: Args, { req }: Context) => lookupOrder(req, String(args.number), String(args.token)),
    },
    AdjustStock: {
      ...answer,
      description: 'As POST /api/inventory/adjust, staff only: input is { sku, delta | setTo, reason }',
      args: { input: required(CommerceJSON) },
      resolve: (_: unknown, args: Args, { req }: Context) => adjustForGraphQL(req, args.input),
    },
  }
}
