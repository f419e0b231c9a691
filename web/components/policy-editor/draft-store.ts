/**
 * @module Drafts kept in localStorage, one per policy id (`luoshi.policyDraft.<id>`), plus the id
 * of the last one written so the editor can resume it when it opens.
 */

/** A saved draft: the YAML, the source text and what it was based on. */
export interface PolicyDraft {
  yaml: string
  sourceText: string
  savedAt: string
  /** The published version the draft started from, if any. */
  baseVersion?: string
}

const PREFIX = 'luoshi.policyDraft.'
const LAST = 'luoshi.policyDraft:last'
/** The key of a draft whose YAML does not name a policy id yet. */
export const NEW_POLICY = '(new)'

const storage = () => globalThis.localStorage as Storage | undefined

/** Reads the draft of a policy, if one is stored and readable. */
export function readDraft(policyId: string): PolicyDraft | undefined {
  try {
    const text = storage()?.getItem(PREFIX + policyId)
    const draft = text ? (JSON.parse(text) as PolicyDraft) : undefined
    return draft && typeof draft.yaml === 'string'
      ? { ...draft, sourceText: draft.sourceText ?? '' }
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Stores a draft and remembers it as the last one.
 * @returns the stored draft, or undefined when storage is full or unavailable.
 */
export function writeDraft(
  policyId: string,
  draft: Omit<PolicyDraft, 'savedAt'>,
): PolicyDraft | undefined {
  const saved = { ...draft, savedAt: new Date().toISOString() }
  try {
    storage()?.setItem(PREFIX + policyId, JSON.stringify(saved))
    storage()?.setItem(LAST, policyId)
    return saved
  } catch {
    return undefined
  }
}

/** Forgets a policy's draft. */
export function removeDraft(policyId: string): void {
  storage()?.removeItem(PREFIX + policyId)
  if (storage()?.getItem(LAST) === policyId) storage()?.removeItem(LAST)
}

/** The policy id of the draft written last, if that draft still exists. */
export function lastDraftId(): string | undefined {
  const id = storage()?.getItem(LAST) ?? undefined
  return id && readDraft(id) ? id : undefined
}
