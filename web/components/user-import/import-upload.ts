/**
 * @module Sends an accounts file to `POST /api/users/import` as the raw request body, with its
 * name in `X-Filename`, through the one API client.
 */
import type { UserImportReport } from '../../../schemas/api/responses.schema.ts'
import { call, client, uploadHeaders } from '../../api.ts'

/** The type to send a chosen file as: the browser's, else one read from its name. */
export function fileType(file: Pick<File, 'name' | 'type'>): string {
  if (file.type) return file.type
  if (/\.xlsx$/i.test(file.name))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  if (/\.(csv|txt)$/i.test(file.name)) return 'text/csv'
  return 'application/octet-stream'
}

/**
 * Checks (`dryRun`) or imports an accounts file, into `regionId` (a system administrator's choice;
 * a region administrator's accounts always go into its own region).
 * @throws {ApiError} with the server's message; a refused import (422 `import-rejected`) carries
 * the row-by-row report in `details.rows` and every problem in `details.issues`.
 */
export async function importUsers(
  file: File,
  dryRun: boolean,
  regionId: string | null = null,
): Promise<UserImportReport> {
  const headers = await uploadHeaders(file, fileType(file))
  const request = client.users.import.$post(
    {
      query: {
        ...(dryRun ? { dryRun: 'true' as const } : {}),
        ...(regionId !== null ? { regionId } : {}),
      },
    },
    { headers, init: { body: file } },
  )
  return call(request, { zh: '导入失败', en: 'The import failed' })
}

/** The template's address, for a download link. */
export const templatePath = (): string => client.users.import.template.$path()
