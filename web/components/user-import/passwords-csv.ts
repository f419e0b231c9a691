/**
 * @module The created accounts and their one-time passwords as a CSV file, made in the browser
 * from the answer in memory (the server keeps no password to make it from) and handed to the
 * browser's download; nothing is stored.
 */
import type { UserImportReport } from '../../../schemas/api/responses.schema.ts'

/**
 * A cell of CSV, quoted. A cell that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`,
 * a tab or CR first) gets a leading `'`, as OWASP's CSV-injection advice says: names come from an
 * uploaded file and are hostile text.
 */
export function csvCell(value: string): { text: string; guarded: boolean } {
  const guarded = /^[=+\-@\t\r]/.test(value)
  const safe = guarded ? `'${value}` : value
  return { text: `"${safe.replaceAll('"', '""')}"`, guarded }
}

/**
 * The CSV (with a BOM, so Excel reads it as UTF-8) of 姓名, 用户名, 一次性密码; `guarded` tells
 * whether some password got the leading `'`, which the page then explains.
 */
export function passwordsCsv(created: UserImportReport['created']): {
  csv: string
  guarded: boolean
} {
  let guarded = false
  const lines = [['姓名', '用户名', '一次性密码'].map((header) => csvCell(header).text).join(',')]
  for (const { user, initialPassword } of created) {
    const password = csvCell(initialPassword)
    guarded ||= password.guarded
    lines.push(
      [csvCell(user.displayName).text, csvCell(user.username).text, password.text].join(','),
    )
  }
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, guarded }
}

/** Offers `text` as a download named `name`, from memory; the object URL is revoked at once. */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The click has started the download by now; the blob is not kept for later.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
