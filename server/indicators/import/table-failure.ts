/** @module Why a table could not be read: the one failure shape of every table reader. */
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'

/** A table that could not be read, and why (shown to the uploader). */
export type TableFailure = {
  ok: false
  /**
   * `unsupported-type` is a 415 and `too-large` (unpacks beyond the limits, or needs more memory
   * than a reader has) a 413; the others, `too-slow` included, are problems with the content.
   */
  reason:
    'unsupported-type' | 'unreadable' | 'encoding' | 'too-many-rows' | 'too-large' | 'too-slow'
  message: LocalizedText
}
