/** @module The names the server gives in Chinese (状态, 灯色, 督办级别), in the reader's language. */
import { locale, tOf } from '../../i18n.ts'
import type { MessageFamily } from '../../i18n.ts'

/**
 * A name the server gives in Chinese (状态, 灯色, 督办级别): as it is in Chinese; in English the
 * app's own message for the value, or the server's name when the app has none (a procedure's step).
 */
export function named(family: MessageFamily, value: string | number, chinese: string): string {
  if (locale() === 'zh') return chinese
  const own = tOf(family, value)
  return own === `${family}${value}` ? chinese : own
}
