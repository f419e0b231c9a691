/**
 * @module Publishing a policy version: validate, fingerprint, store immutably. Publishing the
 * same text again returns the existing version; a different text under a published version
 * number is refused, so a running plan's version never changes under it.
 */
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
import type { ConfigIssue } from '../../domain/compiler/config-issue.ts'
import { configOf, findVersion, findVersionByHash, listVersions } from './repository.ts'
import { claimPolicy } from '../regions/policy-owner.ts'
import type { Publisher } from '../regions/policy-owner.ts'
import type { PolicyConfig } from '../../schemas/index.ts'

export interface PublishInput {
  yaml: string
  /** The source document; defaults to the one stored with the policy's latest version. */
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
  const existing = await findVersionByHash(db, hash)
  if (existing) return { existing }
  const sourceText = input.sourceText ?? (await previousSource(db, input.yaml))
  const result = await (options.check ?? checkForPublishing)(input.yaml, sourceText)
  if (!result.ok && result.failed === 'config') {
    throw new AppError(
      422,
      'invalid-config',
      { zh: `配置有 ${result.issues.filter((i) => i.severity === 'error').length} 处错误，未发布。`, en: 'The config has errors and was not published.' },
      { issues: result.issues.map(sourceMissingForApi) },
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
  if (await findVersion(db, metadata.id, metadata.version)) throw versionTaken(metadata.id, metadata.version)
  return {
    row: {
      id: newId(),
      policy_id: metadata.id,
      version: metadata.version,
      content_hash: hash,
      title: metadata.title,
      region: metadata.region.name,
      yaml: input.yaml,
      config: JSON.stringify(result.policy),
      source_text: sourceText ?? null,
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
  const stored = 'existing' in prepared ? prepared.existing : await findVersionByHash(trx, prepared.row.content_hash)
  if (stored) {
    // The same text again: the version as it is, to those who may publish the policy.
    await claimPolicy(trx, stored.policy_id, configOf(stored).metadata.region, publisher, new Date(stored.published_at))
    return { version: stored, created: false }
  }
  const row = (prepared as { row: PolicyVersionRow }).row
  await claimPolicy(trx, row.policy_id, (JSON.parse(row.config) as PolicyConfig).metadata.region, publisher, new Date(row.published_at))
  if (await findVersion(trx, row.policy_id, row.version)) throw versionTaken(row.policy_id, row.version)
  await trx.insertInto('policy_version').values(row).execute()
  await appendAudit(trx, [
    { at: row.published_at, actor: row.published_by, action: 'policy.publish', entity: 'policy_version', entityId: row.id, payload: { policyId: row.policy_id, version: row.version, hash: row.content_hash, ...(row.note ? { note: row.note } : {}) } },
  ])
  return { version: row, created: true }
}

/**
 * The checker's missing-source message speaks of a file beside the config (the command line);
 * through the API the source is a field of the request.
 */
function sourceMissingForApi(issue: ConfigIssue): ConfigIssue {
  if (issue.code !== 'source-file-missing') return issue
  return {
    ...issue,
    message: {
      zh: '未提供政策原文：请求中没有 sourceText，该政策此前的版本也未保存原文。请在 sourceText 中提交政策原文（简体中文纯文本），引文将据此核对。',
      en: 'No source text: the request has no sourceText and no earlier version of this policy stored one. Send the policy text (plain UTF-8) as sourceText; the quotes are checked against it.',
    },
  }
}

function versionTaken(policyId: string, version: string): AppError {
  return new AppError(409, 'conflict', {
    zh: `${policyId} 的 ${version} 版已发布且内容不同。已发布的版本不可修改，请提高 metadata.version 后再发布。`,
    en: `Version ${version} of ${policyId} is already published with different content. Published versions are immutable: raise metadata.version.`,
  })
}

/** The source text stored with the latest version of the policy this YAML declares, if any. */
async function previousSource(db: Kysely<Database>, yaml: string): Promise<string | undefined> {
  const id = /^\s*id:\s*([a-z0-9-]+)\s*$/m.exec(yaml)?.[1]
  if (!id) return undefined
  const [latest] = await listVersions(db, id)
  return latest?.source_text ?? undefined
}
