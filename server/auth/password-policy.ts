/**
 * @module The password policy, in one place for every way a password is set (an administrator
 * creating or resetting an account is given a generated one; a user choosing one, the first
 * administrator at the command line): at least {@link MIN_LENGTH} characters; and at least three of
 * the four classes (lower case, upper case, digit, other) unless it is at least
 * {@link PASSPHRASE_LENGTH} long (a passphrase); never the username itself.
 */
import { randomBytes } from 'node:crypto'
import type { RequestIssue } from '../errors.ts'

export const MIN_LENGTH = 10
/** From this length a password needs no mix of classes: length outweighs variety. */
export const PASSPHRASE_LENGTH = 16

const CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u] as const

/**
 * What is wrong with a password, as issues at `pointer` (empty when it is acceptable).
 * @param pointer where the password is in the request, e.g. `/newPassword`
 */
export function passwordIssues(
  password: string,
  username: string,
  pointer: string,
): RequestIssue[] {
  const issues: RequestIssue[] = []
  // Counted in code points, as people count characters (一 is one, not a UTF-16 pair's half).
  const length = [...password].length
  if (length < MIN_LENGTH) {
    issues.push({
      pointer,
      code: 'password-too-short',
      message: {
        zh: `密码至少需要 ${MIN_LENGTH} 个字符（现为 ${length} 个）`,
        en: `The password needs at least ${MIN_LENGTH} characters (it has ${length})`,
      },
    })
  } else if (
    length < PASSPHRASE_LENGTH &&
    CLASSES.filter((pattern) => pattern.test(password)).length < 3
  ) {
    issues.push({
      pointer,
      code: 'password-too-simple',
      message: {
        zh: `密码须包含小写字母、大写字母、数字、其他符号中的至少三类，或长度不少于 ${PASSPHRASE_LENGTH} 个字符`,
        en: `The password needs three of: lower-case letters, upper-case letters, digits, other characters — or at least ${PASSPHRASE_LENGTH} characters`,
      },
    })
  }
  if (password.toLowerCase() === username.toLowerCase()) {
    issues.push({
      pointer,
      code: 'password-is-username',
      message: { zh: '密码不能与用户名相同', en: 'The password must not be the username' },
    })
  }
  return issues
}

/**
 * A one-time password an administrator hands over: 18 random bytes as base64url (24 characters,
 * 144 bits), which the policy accepts by length alone. The user must replace it at first login.
 */
export function oneTimePassword(): string {
  return randomBytes(18).toString('base64url')
}
