/** @module Display names: a policy's title with its document status, and a config's units, groups and bodies by id. */
import type { PolicyConfig } from '../../schemas/index.ts'

/** How each document status is said after the title; nothing for an issued document. */
export const DOCUMENT_STATUS_NAMES: Record<string, { zh: string; en: string }> = {
  issued: { zh: '', en: '' },
  'draft-for-comment': { zh: '征求意见稿', en: 'draft for comment' },
  'draft-for-review': { zh: '送审稿', en: 'draft for review' },
}

/**
 * The name a policy is shown by, everywhere it or a plan of it is named: its title, with its
 * status when it is a draft — 关于推进……工作方案（征求意见稿）.
 */
export function policyTitle(metadata: { title: string; status?: string | undefined }): string {
  const status = metadata.status ? DOCUMENT_STATUS_NAMES[metadata.status]?.zh : undefined
  return status ? `${metadata.title}（${status}）` : metadata.title
}

/**
 * The name a plan of a published version gets when its starter gives none. A version's title is
 * stored with its status (server/policies/publish-policy.ts), so a draft's plan says so.
 */
export function defaultPlanName(version: { title: string; version: string }): string {
  return `${version.title}（${version.version}）`
}

/** A lookup from id to name (units, groups and bodies); unknown ids come back as themselves. */
export function nameIndex(policy: PolicyConfig): (id: string) => string {
  const names = new Map<string, string>()
  for (const unit of policy.organizations.units) names.set(unit.id, unit.name)
  for (const group of policy.organizations.groups ?? []) names.set(group.id, group.name)
  for (const body of policy.governance?.bodies ?? []) names.set(body.id, body.name)
  return (id) => names.get(id) ?? id
}
