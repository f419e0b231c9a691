/**
 * @module The editor's calls to the API: open a published version, and publish the text being
 * edited — with every outcome (new, same text, version taken, invalid) as a value.
 */
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { ApiIssue, LocalizedText } from '../../api.ts'
import type { PublishPolicyBody } from '../../../schemas/api/requests.schema.ts'
import type { PublishResult } from '../../api-types.ts'

/** A published version opened for editing. */
export interface OpenedVersion {
  policyId: string
  version: string
  yaml: string
  /** The source text stored with the version, when the server returns it. */
  sourceText: string | undefined
}

/** Reads one version (`GET /api/policies/:id/versions/:version`). */
export async function openVersion(policyId: string, version: string): Promise<OpenedVersion> {
  const row = await call(
    client.policies[':policyId'].versions[':version'].$get({
      param: pathParams({ policyId, version }),
    }),
  )
  return {
    policyId: row.policyId,
    version: row.version,
    yaml: row.yaml,
    sourceText: row.sourceText ?? undefined,
  }
}

export type PublishOutcome =
  | { kind: 'created' | 'unchanged'; version: PublishResult['version'] }
  | { kind: 'conflict' | 'failed'; message: LocalizedText }
  | { kind: 'invalid'; message: LocalizedText; issues: ApiIssue[] }

/**
 * Publishes (`POST /api/policies`) with the author's change note and the source document, both
 * kept with the version. Without source text the server refuses a config that quotes (422 with
 * an issue at `/sourceText`).
 */
export async function publishPolicy(
  yaml: string,
  sourceText: string,
  note: string,
): Promise<PublishOutcome> {
  try {
    const body: PublishPolicyBody = { yaml, note, ...(sourceText.trim() ? { sourceText } : {}) }
    const result = await call(client.policies.$post({ json: body }))
    return { kind: result.created ? 'created' : 'unchanged', version: result.version }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 422 && error.details.issues)
      return { kind: 'invalid', message: error.text, issues: error.details.issues }
    return { kind: error.status === 409 ? 'conflict' : 'failed', message: error.text }
  }
}
