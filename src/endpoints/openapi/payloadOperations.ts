// What each of Payload's own endpoints takes and answers, keyed by `<method> <path>` as Payload's config lists them
// (collections/endpoints, auth/endpoints, globals/endpoints, uploads/endpoints). The document builder walks the running
// config's endpoint lists, so an endpoint Payload adds is listed; this table gives it its shape.

export type BodyKind = 'doc' | 'credentials' | 'email' | 'reset' | 'unlock' | 'firstRegister' | 'none' | 'any'
export type AnswerKind =
  | 'globalUpdate'
  | 'image'
  | 'doc'
  | 'docMessage'
  | 'page'
  | 'bulk'
  | 'count'
  | 'auth'
  | 'me'
  | 'message'
  | 'access'
  | 'file'
  | 'version'
  | 'versionPage'
  | 'any'

export type PayloadOperation = {
  summary: string
  body: BodyKind
  answer: AnswerKind
  status?: number
  query?: 'list' | 'read' | 'write' | 'bulk'
  errors: number[]
}

const read = [400, 403, 404]
const write = [400, 401, 403, 404, 409, 413, 415]

export const COLLECTION_OPERATIONS: Record<string, PayloadOperation> = {
  'get /': { summary: 'List {label}', body: 'none', answer: 'page', query: 'list', errors: [400, 403] },
  'post /': { summary: 'Create one of {label}', body: 'doc', answer: 'docMessage', status: 201, query: 'write', errors: write },
  'patch /': { summary: 'Update every one of {label} matching `where`', body: 'doc', answer: 'bulk', query: 'bulk', errors: write },
  'delete /': { summary: 'Delete every one of {label} matching `where`', body: 'none', answer: 'bulk', query: 'bulk', errors: [400, 403] },
  'get /:id': { summary: 'Read one of {label}', body: 'none', answer: 'doc', query: 'read', errors: read },
  'patch /:id': { summary: 'Update one of {label}', body: 'doc', answer: 'docMessage', query: 'write', errors: write },
  'delete /:id': { summary: 'Delete one of {label}', body: 'none', answer: 'docMessage', query: 'read', errors: read },
  'get /count': { summary: 'Count {label} matching `where`', body: 'none', answer: 'count', query: 'bulk', errors: [400, 403] },
  'post /:id/duplicate': { summary: 'Duplicate one of {label}', body: 'doc', answer: 'docMessage', status: 201, query: 'write', errors: write },
  'post /access/:id?': { summary: 'What the caller may do with {label}', body: 'any', answer: 'access', errors: [400] },
  'get /versions': { summary: 'List versions of {label}', body: 'none', answer: 'versionPage', query: 'list', errors: [400, 403] },
  'get /versions/:id': { summary: 'Read a version of {label}', body: 'none', answer: 'version', query: 'read', errors: read },
  'post /versions/:id': { summary: 'Restore a version of {label}', body: 'none', answer: 'docMessage', query: 'read', errors: read },
  'post /login': { summary: 'Log in to {label}', body: 'credentials', answer: 'auth', errors: [400, 401, 403, 429] },
  'post /logout': { summary: 'Log out of {label}', body: 'any', answer: 'message', errors: [400, 401] },
  'get /me': { summary: 'The logged-in user of {label}', body: 'none', answer: 'me', errors: [401] },
  'post /refresh-token': { summary: 'Refresh the token of {label}', body: 'any', answer: 'auth', errors: [401, 403] },
  'post /forgot-password': { summary: 'Email a password reset link ({label})', body: 'email', answer: 'message', errors: [400, 429] },
  'post /reset-password': { summary: 'Set a new password with a reset token ({label})', body: 'reset', answer: 'auth', errors: [400, 403] },
  'post /unlock': { summary: 'Unlock a user of {label} (staff)', body: 'unlock', answer: 'message', errors: [400, 403] },
  'post /verify/:id': { summary: 'Verify an email address of {label}', body: 'none', answer: 'message', errors: [400, 403] },
  'get /init': { summary: 'Whether {label} has a first user yet', body: 'none', answer: 'any', errors: [] },
  'post /first-register': { summary: 'Create the first user of {label}', body: 'firstRegister', answer: 'auth', errors: [400, 403] },
  'get /file/:filename': { summary: 'Download a file of {label}', body: 'none', answer: 'file', errors: [400, 403, 404] },
  'get /paste-url/:id?': { summary: 'Fetch a file from a URL into {label} (admin)', body: 'none', answer: 'any', errors: [400, 403] },
  'get /:key': { summary: 'Read a preference of {label} (admin)', body: 'none', answer: 'any', errors: [401] },
  'post /:key': { summary: 'Save a preference of {label} (admin)', body: 'any', answer: 'any', errors: [400, 401] },
  'delete /:key': { summary: 'Delete a preference of {label} (admin)', body: 'none', answer: 'any', errors: [401, 404] },
  'get /run': { summary: 'Run queued jobs of {label} (cron, needs access)', body: 'none', answer: 'any', errors: [401, 403] },
  'get /handle-schedules': { summary: 'Queue scheduled jobs of {label} (cron, needs access)', body: 'none', answer: 'any', errors: [401, 403] },
  'post /:id/api-key/reveal': { summary: 'Reveal the API key of one of {label}', body: 'none', answer: 'any', errors: [400, 403, 404] },
}

export const GLOBAL_OPERATIONS: Record<string, PayloadOperation> = {
  'get /': { summary: 'Read {label}', body: 'none', answer: 'doc', query: 'read', errors: [400, 403] },
  'post /': { summary: 'Update {label}', body: 'doc', answer: 'globalUpdate', query: 'write', errors: write },
  'post /access': { summary: 'What the caller may do with {label}', body: 'any', answer: 'access', errors: [400] },
  'get /access': { summary: 'What the caller may do with {label}', body: 'none', answer: 'access', errors: [400] },
  'get /versions': { summary: 'List versions of {label}', body: 'none', answer: 'versionPage', query: 'list', errors: [400, 403] },
  'get /versions/:id': { summary: 'Read a version of {label}', body: 'none', answer: 'version', query: 'read', errors: read },
  'post /versions/:id': { summary: 'Restore a version of {label}', body: 'none', answer: 'docMessage', query: 'read', errors: read },
}

export const ROOT_OPERATIONS: Record<string, PayloadOperation> = {
  'get /access': { summary: 'What the caller may do, collection by collection', body: 'none', answer: 'any', errors: [] },
  'get /og': { summary: 'Open Graph image of an admin page', body: 'none', answer: 'image', errors: [] },
}
