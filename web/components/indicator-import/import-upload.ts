/**
 * @module Sends an indicator data file to `POST /api/plans/:id/indicator-values/import` as the
 * raw request body, with its name in `X-Filename`, through the one API client.
 */
import { call, client, pathParams, uploadHeaders } from '../../api.ts'
import type { IndicatorImportReport } from '../../api-types.ts'
import { fileType } from './import-format.ts'
import type { ImportMode } from './import-format.ts'

/**
 * Checks (`dryRun`) or imports a file.
 *
 * @throws {ApiError} with the server's message; a refused import (422 `import-rejected`) carries
 * every problem in `details.issues`, each with its `row` and `column`.
 */
export async function importFile(
  planId: string,
  file: File,
  options: { mode: ImportMode; dryRun: boolean },
): Promise<IndicatorImportReport> {
  const headers = await uploadHeaders(file, fileType(file))
  const query = { mode: options.mode, ...(options.dryRun ? { dryRun: 'true' as const } : {}) }
  const request = client.plans[':id']['indicator-values'].import.$post(
    { param: pathParams({ id: planId }), query },
    { headers, init: { body: file } },
  )
  return call(request, { zh: '导入失败', en: 'The import failed' })
}
