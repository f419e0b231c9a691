/**
 * @module The `X-Filename` header of an upload: percent-encoded UTF-8 (browsers cannot send other
 * text in a header), decoded strictly. A malformed escape or a control character is the
 * client's mistake, a 400 in the one error shape — not a 500 from `decodeURIComponent`.
 */
import { AppError } from '../errors.ts'

/** The longest stored file name, in characters. */
export const MAX_FILE_NAME = 200

// Control characters (C0, DEL, C1) have no place in a file name; NUL would also break PostgreSQL.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * The decoded, trimmed file name (at most {@link MAX_FILE_NAME} characters), or '' when absent.
 * @throws {AppError} 400 `bad-request` for bad percent-encoding or a control character.
 */
export function decodeFileName(header: string | undefined): string {
  if (!header) return ''
  let name: string
  try {
    name = decodeURIComponent(header)
  } catch {
    throw new AppError(400, 'bad-request', {
      zh: '文件名（X-Filename）的百分号编码有误：请用 encodeURIComponent 编码 UTF-8 文件名',
      en: 'The file name (X-Filename) is not valid percent-encoding: encode the UTF-8 name with encodeURIComponent',
    })
  }
  if (CONTROL.test(name)) {
    throw new AppError(400, 'bad-request', {
      zh: '文件名（X-Filename）含有控制字符',
      en: 'The file name (X-Filename) contains a control character',
    })
  }
  return name.trim().slice(0, MAX_FILE_NAME)
}
