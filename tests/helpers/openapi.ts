import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'

import type { OpenApiDocument } from '../../src/endpoints/openapi/document'

// Checks answers against the OpenAPI document (GET /api/openapi.json): the path and method are documented, the status
// is one the operation lists, and a JSON body matches that status's schema. restClient runs it on every answer.

export type ContractCheck = (method: string, url: string, status: number, contentType: string | null, body: unknown) => void

const pointer = (segments: string[]) => segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')

export function contractChecker(doc: OpenApiDocument): ContractCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
  ajv.addSchema(doc as object, 'openapi')
  const templates = Object.keys(doc.paths)
    .map((template) => ({ template, params: (template.match(/\{/g) ?? []).length, pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`) }))
    .sort((a, b) => a.params - b.params || b.template.length - a.template.length)
  const compiled = new Map<string, ValidateFunction>()

  return (method, url, status, contentType, body) => {
    const pathname = new URL(url, 'http://localhost').pathname
    const lower = method.toLowerCase()
    const found = templates.find((t) => t.pattern.test(pathname) && doc.paths[t.template][lower])
    // An unknown route answers route_not_found in the one format; anything else must be documented.
    if (!found && status === 404 && (body as { error?: { code?: string } })?.error?.code === 'route_not_found') return
    if (!found) throw new Error(`Contract: ${method} ${pathname} is not in /api/openapi.json`)
    const operation = doc.paths[found.template][lower] as {
      responses: Record<string, { content?: Record<string, { schema?: unknown }> }>
      'x-undocumented'?: boolean
    }
    if (operation['x-undocumented']) throw new Error(`Contract: ${method} ${found.template} is listed but not described`)
    const response = operation.responses[String(status)] ?? operation.responses.default
    if (!response)
      throw new Error(
        `Contract: ${method} ${found.template} answered ${status}, which the document does not list (${Object.keys(operation.responses).join(', ')})`,
      )
    if (body === undefined || !contentType?.includes('application/json') || !response.content?.['application/json']) return
    const key = pointer([
      'paths',
      found.template,
      lower,
      'responses',
      String(status) in operation.responses ? String(status) : 'default',
      'content',
      'application/json',
      'schema',
    ])
    let validate = compiled.get(key)
    if (!validate) compiled.set(key, (validate = ajv.compile({ $ref: `openapi#/${key}` })))
    if (!validate(body)) {
      const problems = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
      throw new Error(
        `Contract: ${method} ${pathname} ${status} does not match the document:\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 500)}`,
      )
    }
  }
}
