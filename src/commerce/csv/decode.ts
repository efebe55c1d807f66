import { CommerceError } from '../errors'

export type CsvEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'Windows-1252'

export interface DecodedCsv {
  text: string
  encoding: CsvEncoding
}

const refuse = (message: string) => new CommerceError(415, 'unsupported_encoding', message)

// Bytes Windows-1252 leaves undefined: a file holding them is neither UTF-8 nor Windows-1252.
const UNDEFINED_IN_1252 = /[\u0080-\u009f]/

/**
 * The text of an uploaded CSV: UTF-8 (with or without a byte-order mark) or, when the bytes are not valid UTF-8,
 * Windows-1252 (Excel's "CSV" on Windows writes £ as the single byte A3). UTF-16 and anything else is refused by name.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refuse('The file is UTF-16 (Excel’s “Unicode text”): save it as “CSV UTF-8 (comma delimited)” and upload it again')
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasBom ? bytes.subarray(3) : bytes
  if (body.includes(0)) throw refuse('The file contains NUL bytes: it is not a text CSV (is it a spreadsheet .xlsx?)')
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: hasBom ? 'UTF-8 with BOM' : 'UTF-8' }
  } catch {
    if (hasBom) throw refuse('The file starts with a UTF-8 byte-order mark but is not valid UTF-8')
  }
  const text = new TextDecoder('windows-1252').decode(body)
  if (UNDEFINED_IN_1252.test(text)) {
    throw refuse('The file is neither UTF-8 nor Windows-1252: save it as “CSV UTF-8 (comma delimited)” and upload it again')
  }
  return { text, encoding: 'Windows-1252' }
}
