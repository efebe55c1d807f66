import { open } from 'node:fs/promises'
import { fileTypeFromBuffer } from 'file-type'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { nameForType } from '../fileTypes'

// file-type reads at most this many bytes to recognise a format.
const SNIFF_BYTES = 4100

async function headOf(file: NonNullable<PayloadRequest['file']>): Promise<Uint8Array> {
  if (file.data?.length) return file.data.subarray(0, SNIFF_BYTES)
  if (!file.tempFilePath) return new Uint8Array()
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the upload's own temp file, named by the server
  const handle = await open(file.tempFilePath, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * An upload is stored under the type its bytes show, not the name it came with: `poly.html` holding a PNG is kept as
 * `poly.png` (and served as an image). Bytes of no recognised type are left to Payload's own type check, which refuses them.
 */
export const nameUploadByType: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const detected = await fileTypeFromBuffer(await headOf(req.file))
  if (detected) req.file = { ...req.file, name: nameForType(req.file.name, detected.mime), mimetype: detected.mime }
  return args
}
