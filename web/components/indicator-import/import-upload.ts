/**
 * @module Sends an indicator data file to `POST /api/plans/:id/indicator-values/import` as the
 * raw request body (the JSON client sends only JSON), with its name in `X-Filename`.
 */
import { api, ApiError, getCsrfToken } from '../../api.ts'
import type { IndicatorImportReport, Me } from '../../api-types.ts'
import { fileType } from './import-format.ts'
import type { ImportMode } from './import-format.ts'

/**
 * Checks (`dryRun`) or imports a file.
 *
 * @throws {ApiError} with the server's message; a refused import (422 `import-rejected`) carries
 * every problem in `details.issues`, each with its `row` and `column`.
 */
export async function importFile(planId: string, file: File, options: { mode: ImportMode; dryRun: boolean }): Promise<IndicatorImportReport> {
  const csrfToken = getCsrfToken() ?? (await api.get<Me>('/api/auth/me')).csrfToken
  const query = new URLSearchParams({ mode: options.mode, ...(options.dryRun ? { dryRun: 'true' } : {}) })
  const response = await fetch(`/api/plans/${encodeURIComponent(planId)}/indicator-values/import?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': fileType(file), 'x-filename': encodeURIComponent(file.name), 'x-csrf-token': csrfToken },
    body: file,
  })
  const json = (await response.json().catch(() => undefined)) as
    | (IndicatorImportReport & { error?: { code: string; message: { zh: string; en: string } } & Record<string, unknown> })
    | undefined
  if (!response.ok || !json) {
    const { code = 'error', message = { zh: '导入失败', en: 'The import failed' }, ...details } = json?.error ?? {}
    throw new ApiError(response.status, code, message, details)
  }
  return json
}
