import { statSync } from 'node:fs'
import path from 'node:path'

import { Refusal, badRequest, show } from './refusal'
import type { EntityInfo } from './schema'

// Checks the parameters in the path of Payload's own endpoints: ids, verification tokens, upload file names.

const INT_MAX = 2147483647
const MAX_FILENAME = 255

function checkId(entity: EntityInfo, id: string, versionId: boolean): void {
  const type = versionId ? entity.versionIdType : entity.idType
  if (type !== 'number') return
  if (!/^\d{1,10}$/.test(id) || Number(id) > INT_MAX) {
    const what = versionId ? 'version id' : 'id'
    throw badRequest('invalid_id', `${show(id)} is not a valid ${entity.slug} ${what}: ids are whole numbers from 0 to ${INT_MAX}`, { id })
  }
}

function checkVerifyToken(entity: EntityInfo, token: string): void {
  if (!entity.verify) throw new Refusal(404, 'not_found', `Email verification is not enabled for ${entity.slug}`)
  if (!/^[A-Za-z0-9]{1,128}$/.test(token)) throw badRequest('invalid_token', 'The verification token is not in the expected form')
}

function checkUploadFile(entity: EntityInfo, filename: string, checkExists: boolean): void {
  if (Buffer.byteLength(filename) > MAX_FILENAME) throw badRequest('invalid_filename', `The file name is longer than ${MAX_FILENAME} bytes`)
  if (!entity.upload || !entity.upload.local || !checkExists) return
  const dir = path.resolve(entity.upload.staticDir || entity.slug)
  const file = path.resolve(dir, filename)
  if (!file.startsWith(dir + path.sep)) throw badRequest('invalid_filename', 'The file name points outside the upload folder')
  let isFile = false
  try {
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- file is checked above to lie inside the upload folder
    isFile = statSync(file).isFile()
  } catch {
    isFile = false
  }
  if (!isFile) throw new Refusal(404, 'file_not_found', `No ${entity.slug} file is named ${show(filename)}`)
}

export function checkRouteParams(entity: EntityInfo, op: string, params: Record<string, string>, checkFiles: boolean): void {
  if (op.includes('/versions') && !entity.versions) throw new Refusal(404, 'not_found', `${entity.slug} keeps no versions`)
  if (op === 'post /verify/:id') return checkVerifyToken(entity, params.id ?? '')
  if (op === 'get /file/:filename') return checkUploadFile(entity, params.filename ?? '', checkFiles)
  if (params.id !== undefined) checkId(entity, params.id, op.includes('/versions/'))
}
