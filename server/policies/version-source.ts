/**
 * @module The source document a version is published with, and what it means for the version's
 * identity. A version is its YAML (`content_hash`) *and* its source (`source_hash`): the quotes
 * were checked against that source, and a department reading a task's quote is shown it. So
 * publishing the same YAML with the same source again answers the version already stored, and
 * the same YAML with another source (or none) is refused with 409 — the version number is taken,
 * and a published version never changes under a running plan.
 */
import { normalizeSourceText } from '../../domain/source-text/normalize-source.ts'
import type { PolicyVersionRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { sourceHash } from './source-hash.ts'

/** The source document as it is checked and stored. */
export interface VersionSource {
  /** Normalized: no BOM, `\n` line endings. */
  text: string
  /** sha256 of `text`, hex. */
  hash: string
}

/** The normalized source and its hash; a blank text is no source. */
export function versionSource(sourceText: string | undefined): VersionSource | undefined {
  if (sourceText === undefined || sourceText.trim() === '') return undefined
  const text = normalizeSourceText(sourceText)
  return { text, hash: sourceHash(text) }
}

/** True when a stored version was published with this source (or, both, with none). */
export function sameSource(row: PolicyVersionRow, source: VersionSource | undefined): boolean {
  return (row.source_hash ?? null) === (source?.hash ?? null)
}

/** The 409 for the same YAML under a published number with another source document. */
export function sourceConflict(row: PolicyVersionRow, sentHash: string | null): AppError {
  const stored = row.source_hash ? `sha256 ${row.source_hash.slice(0, 12)}…` : undefined
  const sent = sentHash ? `sha256 ${sentHash.slice(0, 12)}…` : undefined
  return new AppError(409, 'conflict', {
    zh: `${row.policy_id} 的 ${row.version} 版已发布，配置相同但政策原文不同（已发布：${stored ?? '无原文'}；本次：${sent ?? '无原文'}）。已发布版本的原文不可更换：请提交与该版本相同的原文；若原文确有修订，请提高 metadata.version 后再发布。`,
    en: `Version ${row.version} of ${row.policy_id} is already published with the same config but a different source document (published: ${stored ?? 'none'}; sent: ${sent ?? 'none'}). A published version's source cannot change: send the same source text, or raise metadata.version to publish the revised source.`,
  })
}
