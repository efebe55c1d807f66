import type { GraphQLExtension, PayloadRequest, Where } from 'payload'

import { CommerceError } from '../commerce/errors'
import { env } from '../infra/env'
import { capsFor } from '../infra/pageCaps'

type Args = { slug: string; where?: Where; limit?: number; page?: number; sort?: string; draft?: boolean }

/**
 * `ProductsInCategory(slug, where, limit, page, sort)`: the Products listing narrowed to a category by its slug, the
 * same filter as REST's `where[categories.slug][equals]=…`, answered with Payload's own `Products` page type. Its
 * limit has the REST cap of the caller (API_MAX_LIMIT, or API_MAX_LIMIT_STAFF for staff and API keys).
 */
export const catalogueGraphQLQueries: GraphQLExtension = (GraphQL, { collections, Query }) => {
  const { GraphQLBoolean, GraphQLInt, GraphQLNonNull, GraphQLString } = GraphQL
  const products = collections.products.graphQL!
  // The `Products` page type the Products query uses (collections.products.graphQL.paginatedType is a second one of the same name).
  const page = (Query.fields as Record<string, { type: import('graphql').GraphQLOutputType }>).Products.type
  return {
    ProductsInCategory: {
      type: page,
      description: 'Products in the category with this slug (as REST where[categories.slug][equals]=…)',
      args: {
        slug: { type: new GraphQLNonNull(GraphQLString) },
        where: { type: products.whereInputType },
        limit: { type: GraphQLInt },
        page: { type: GraphQLInt },
        sort: { type: GraphQLString },
        draft: { type: GraphQLBoolean },
      },
      resolve: async (_: unknown, args: Args, { req }: { req: PayloadRequest }) => {
        const max = capsFor(req.user?.collection, env()).maxLimit
        const limit = args.limit ?? 10
        if (limit < 1 || limit > max) {
          throw new CommerceError(400, 'limit_too_large', `limit may be from 1 to ${max}, got ${limit}; ask for page 2 and so on`, { param: 'limit', max })
        }
        const bySlug: Where = { 'categories.slug': { equals: args.slug } }
        return req.payload.find({
          collection: 'products',
          where: args.where ? { and: [bySlug, args.where] } : bySlug,
          limit,
          page: args.page ?? 1,
          sort: args.sort,
          draft: args.draft ?? false,
          depth: 0,
          req,
          overrideAccess: false,
        })
      },
    },
  }
}
