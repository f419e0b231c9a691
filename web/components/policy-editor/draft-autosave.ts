/**
 * @module Keeps the editor's text as a local draft a second after each edit — but only while it
 * differs from what was opened or published (the baseline); otherwise the draft is forgotten.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { NEW_POLICY, removeDraft, writeDraft } from './draft-store.ts'

/** What a draft holds, and the policy it is kept under ('' for a new one). */
export interface DraftInput {
  policyId: string
  version: string
  yaml: string
  sourceText: string
}

export class DraftAutosave implements ReactiveController {
  /** When the draft was last written ('' when there is none). */
  savedAt = ''
  /** The text as opened or published. */
  baseline = { yaml: '', sourceText: '' }

  #timer: ReturnType<typeof setTimeout> | undefined
  /** The key the draft was last written under: when the id in the YAML changes, the draft moves. */
  #key: string | undefined

  private readonly host: ReactiveControllerHost
  private readonly read: () => DraftInput
  private readonly delay: number

  constructor(host: ReactiveControllerHost, read: () => DraftInput, delay: number = 1000) {
    this.host = host
    this.read = read
    this.delay = delay
    host.addController(this)
  }

  hostDisconnected(): void {
    if (this.#timer) this.save()
  }

  /** Saves after the delay, replacing a save already scheduled. */
  schedule(): void {
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.save(), this.delay)
  }

  /** Saves now if something is pending (before switching to another policy). */
  flush(): void {
    if (this.#timer) this.save()
  }

  /**
   * Writes the draft, or forgets it when the text equals the baseline.
   * @returns what happened, for the page to announce
   */
  save(): 'saved' | 'unchanged' | 'failed' {
    clearTimeout(this.#timer)
    this.#timer = undefined
    const { policyId, version, yaml, sourceText } = this.read()
    const key = policyId || NEW_POLICY
    if (this.#key !== undefined && this.#key !== key) removeDraft(this.#key)
    this.#key = key
    let outcome: 'saved' | 'unchanged' | 'failed'
    if (yaml === this.baseline.yaml && sourceText === this.baseline.sourceText) {
      removeDraft(key)
      this.savedAt = ''
      outcome = 'unchanged'
    } else {
      const saved = writeDraft(key, {
        yaml,
        sourceText,
        ...(version ? { baseVersion: version } : {}),
      })
      this.savedAt = saved?.savedAt ?? ''
      outcome = saved ? 'saved' : 'failed'
    }
    this.host.requestUpdate()
    return outcome
  }

  /**
   * Sets the baseline: the text just opened (the policy's draft stays in storage, to resume) or
   * just published (`forget`: the draft is dropped).
   */
  settle(policyId: string, baseline: { yaml: string; sourceText: string }, forget = false): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.baseline = baseline
    this.#key = undefined
    if (forget) removeDraft(policyId || NEW_POLICY)
    this.savedAt = ''
    this.host.requestUpdate()
  }
}
