import { APIError, type GraphQLExtension, type PayloadRequest } from 'payload'

import { isCommerceError } from '../commerce/errors'
import { PRICE_BANDS } from '../commerce/search/priceBands'
import { runSearch } from '../infra/search/runSearch'

/**
 * `SearchProducts(q: String!, category, priceBand, inStock, page, limit)`: the same search as GET /api/search,
 * returning Payload's own `Product` type (its fields resolve as in `Products`), facets and the query's reading.
 */
export const searchGraphQLQueries: GraphQLExtension = (GraphQL, { collections }) => {
  const { GraphQLBoolean, GraphQLEnumType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const list = <T extends import('graphql').GraphQLType>(type: T) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)))
  const int = { type: new GraphQLNonNull(GraphQLInt) }
  const string = { type: new GraphQLNonNull(GraphQLString) }
  type Interpretation = { interpretation: { sku: string | null; words: unknown[] } }
  const PriceBand = new GraphQLEnumType({
    name: 'SearchPriceBand',
    values: Object.fromEntries(PRICE_BANDS.map((b) => [`band_${b.key.replace(/-/g, '_')}`, { value: b.key, description: b.label }])),
  })
  const CategoryCount = new GraphQLObjectType({
    name: 'SearchCategoryCount',
    fields: { id: int, slug: string, title: string, count: int },
  })
  const BandCount = new GraphQLObjectType({
    name: 'SearchPriceBandCount',
    fields: { key: { type: new GraphQLNonNull(PriceBand) }, label: string, count: int },
  })
  const Facets = new GraphQLObjectType({
    name: 'SearchFacets',
    fields: {
      categories: { type: list(CategoryCount) },
      priceBands: { type: list(BandCount) },
      inStock: { type: new GraphQLNonNull(GraphQLInt), resolve: (facets: { inStock: { count: number } }) => facets.inStock.count },
    },
  })
  const Word = new GraphQLObjectType({
    name: 'SearchWord',
    fields: { word: string, corrections: { type: list(GraphQLString) }, optionOnly: { type: new GraphQLNonNull(GraphQLBoolean) } },
  })
  const Result = new GraphQLObjectType<Interpretation>({
    name: 'SearchProductsResult',
    fields: {
      q: string,
      docs: { type: list(collections.products.graphQL!.type) },
      totalDocs: int,
      page: int,
      limit: int,
      totalPages: int,
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasPrevPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      facets: { type: new GraphQLNonNull(Facets) },
      sku: { type: GraphQLString, resolve: (r: Interpretation) => r.interpretation.sku },
      words: { type: list(Word), resolve: (r: Interpretation) => r.interpretation.words },
    },
  })
  return {
    SearchProducts: {
      type: new GraphQLNonNull(Result),
      args: {
        q: string,
        category: { type: GraphQLString, description: 'A category id or slug' },
        priceBand: { type: PriceBand },
        inStock: { type: GraphQLBoolean },
        page: { type: GraphQLInt },
        limit: { type: GraphQLInt },
      },
      resolve: async (_: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }) => {
        try {
          // Depth 0: the Product type resolves relationships itself, as in the Products query.
          return await runSearch(context.req, args, { depth: 0 })
        } catch (error) {
          if (isCommerceError(error)) throw new APIError(error.message, error.status, error.details as object | undefined, true)
          throw error
        }
      },
    },
  }
}
