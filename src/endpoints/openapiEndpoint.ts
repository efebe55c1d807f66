import type { SanitizedConfig } from 'payload'

import { buildOpenApiDocument, type OpenApiDocument } from './openapi/document'
import { endpoint, json } from './respond'

const built = new WeakMap<SanitizedConfig, OpenApiDocument>()

/** The document for a config, built once: it depends only on the config. */
export function openApiDocument(config: SanitizedConfig): OpenApiDocument {
  let doc = built.get(config)
  if (!doc) built.set(config, (doc = buildOpenApiDocument(config)))
  return doc
}

// GET /api/openapi.json — the OpenAPI 3.1 document of the whole REST API (docs/openapi.md).
export const handleOpenApi = endpoint(async (req) => json(openApiDocument(req.payload.config), 200, { 'cache-control': 'no-cache' }))
