/**
 * @module Publishing a policy version: validate, fingerprint, store immutably. Publishing the
 * same text with the same source document again returns the existing version; a different text,
 * or the same text with another source (`version-source.ts`), under a published version number
 * is refused, so a running plan's version never changes under it.
 */
import { policyTitle } from '../../domain/compiler/policy-names.ts'
import type { Kysely, Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import { contentHash } from './load-policy.ts'
import type { Clock } from '../clock.ts'
import type { Database, PolicyVersionRow } from '../db/database.ts'
import type { Store } from '../db/group-commit.ts'
import { AppError } from '../errors.ts'
import { newId } from '../ids.ts'
import { checkForPublishing } from './check-policy.ts'
import type { PolicyCheck } from './check-policy.ts'
import { configOf, findVersion, findVersionByHash } from './repository.ts'
import { sameSource, sourceConflict, versionSource } from './version-source.ts'
import { claimPolicy, refuseOtherRegionsPolicy } from '../regions/policy-owner.ts'
import type { Publisher } from '../regions/policy-owner.ts'
import type { PolicyConfig } from '../../schemas/index.ts'

export interface PublishInput {
  yaml: string
  /**
   * The source document the quotes are checked against, stored and hashed with the version.
   * Required when the config quotes it (`source.quote`): without it the publish is refused (422
   * at `/sourceText`). Blank is none.
   */
  sourceText?: string
  /** The author's change note; blank is none. */
  note?: string
}

export interface PublishOptions {
  /**
   * Validates the text and runs its policy tests; in-process by default. The HTTP route passes
   * the worker's, so that a large text never holds up other requests.
   */
  check?: (yaml: string, sourceText: string | undefined) => PolicyCheck | Promise<PolicyCheck>
  /**
   * Who publishes, by region: another region's policy is refused (409) before anything about its
   * versions — a number taken, a source that differs — is told. Above every region by default.
   */
  publisher?: Pick<Publisher, 'regionId'>
}

/** A version ready to store: the one already published with this text, or a new row. */
export type PreparedVersion = { existing: PolicyVersionRow } | { row: PolicyVersionRow }

/**
 * Validates and stores a version through the committer (the demo seeding, tests); the HTTP route
 * prepares first and stores in its request's transaction.
 * @throws AppError 422 with every config issue, or 409 when the version number is taken.
 */
export async function publishPolicy(
  store: Store,
  clock: Clock,
  actor: string,
  input: PublishInput,
  options: PublishOptions & { regionId?: string } = {},
): Promise<{ version: PolicyVersionRow; created: boolean }> {
  const prepared = await preparePublish(store.db, clock, actor, input, options)
  // Published from code (the demo seeding, tests): as from above every region.
  return store.writes.run((trx) =>
    storeVersion(trx, prepared, { actor, regionId: null, requested: options.regionId }),
  )
}

/**
 * Validates a text (the slow part, before any transaction) and builds its version row.
 * @throws AppError 422 with every config issue, or 409 when the version number is taken.
 */
export async function preparePublish(
  db: Kysely<Database>,
  clock: Clock,
  actor: string,
  input: PublishInput,
  options: PublishOptions = {},
): Promise<PreparedVersion> {
  const hash = contentHash(input.yaml)
  const source = versionSource(input.sourceText)
  const publisher = options.publisher ?? { regionId: null }
  const existing = await findVersionByHash(db, hash)
  if (existing) {
    await refuseOtherRegionsPolicy(db, existing.policy_id, publisher)
    if (sameSource(existing, source)) return { existing }
    throw sourceConflict(existing, source?.hash ?? null)
  }
  const result = await (options.check ?? checkForPublishing)(input.yaml, source?.text)
  if (!result.ok && result.failed === 'config') {
    throw new AppError(
      422,
      'invalid-config',
      { zh: `配置有 ${result.issues.filter((i) => i.severity === 'error').length} 处错误，未发布。`, en: 'The config has errors and was not published.' },
      { issues: result.issues },
    )
  }
  if (!result.ok) {
    const count = result.issues.length
    throw new AppError(
      422,
      'invalid-config',
      { zh: `${count} 项考核测试未通过，未发布。`, en: `${count} policy test(s) fail; the config was not published.` },
      { issues: result.issues },
    )
  }
  const { metadata } = result.policy
  await refuseOtherRegionsPolicy(db, metadata.id, publisher)
  if (await findVersion(db, metadata.id, metadata.version)) throw versionTaken(metadata.id, metadata.version)
  return {
    row: {
      id: newId(),
      policy_id: metadata.id,
      version: metadata.version,
      content_hash: hash,
      title: policyTitle(metadata),
      region: metadata.region.name,
      yaml: input.yaml,
      config: JSON.stringify(result.policy),
      source_text: source?.text ?? null,
      source_hash: source?.hash ?? null,
      published_at: clock.now().toISOString(),
      published_by: actor,
      note: input.note?.trim() || null,
    },
  }
}

/**
 * Stores a prepared version inside the caller's transaction. What was published meanwhile is
 * looked at again here: the same text is the existing version, a taken number a 409.
 */
export async function storeVersion(
  trx: Transaction<Database>,
  prepared: PreparedVersion,
  publisher: Publisher,
): Promise<{ version: PolicyVersionRow; created: boolean }> {
  if ('existing' in prepared) {
    // The same text again: the version as it is, to those who may publish the policy.
    await claimPolicy(trx, prepared.existing.policy_id, configOf(prepared.existing).metadata.region, publisher, new Date(prepared.existing.published_at))
    return { version: prepared.existing, created: false }
  }
  const row = prepared.row
  const existing = await findVersionByHash(trx, row.content_hash)
  if (existing) {
    await claimPolicy(trx, existing.policy_id, configOf(existing).metadata.region, publisher, new Date(existing.published_at))
    if (existing.source_hash !== row.source_hash) throw sourceConflict(existing, row.source_hash)
    return { version: existing, created: false }
  }
  await claimPolicy(trx, row.policy_id, (JSON.parse(row.config) as PolicyConfig).metadata.region, publisher, new Date(row.published_at))
  if (await findVersion(trx, row.policy_id, row.version)) throw versionTaken(row.policy_id, row.version)
  await trx.insertInto('policy_version').values(row).execute()
  await appendAudit(trx, [
    { at: row.published_at, actor: row.published_by, action: 'policy.publish', entity: 'policy_version', entityId: row.id, payload: { policyId: row.policy_id, version: row.version, hash: row.content_hash, sourceHash: row.source_hash, ...(row.note ? { note: row.note } : {}) } },
  ])
  return { version: row, created: true }
}

function versionTaken(policyId: string, version: string): AppError {
  return new AppError(409, 'conflict', {
    zh: `${policyId} 的 ${version} 版已发布且内容不同。已发布的版本不可修改，请提高 metadata.version 后再发布。`,
    en: `Version ${version} of ${policyId} is already published with different content. Published versions are immutable: raise metadata.version.`,
  })
}
