/**
 * @module Checks that every text of the config can be stored as written (`unstorable-character`):
 * a YAML escape can write a NUL (`"\0"`) or half of a surrogate pair (`"\ud800"`), which the
 * database would refuse or silently turn into U+FFFD — in a title an office prints, a unit's name,
 * an audit row. Found here, at its line, not when the plan is started.
 */
import { configIssue } from '../config-issue.ts'
import { findStrings, hasLoneSurrogate, hasNul } from '../unstorable-text.ts'
import type { PolicyCheck } from './check-context.ts'

export const checkCharacters: PolicyCheck = ({ policy }) =>
  findStrings(policy, (text) => hasNul(text) || hasLoneSurrogate(text), 50).map((pointer) =>
    configIssue('unstorable-character', pointer, {
      zh: '文本含有无法保存的字符：NUL（\\0）或不成对的代理字符（如 \\ud800）。请删除该转义，或写出完整的字符。',
      en: 'The text holds a character that cannot be stored: a NUL (\\0) or a lone surrogate (such as \\ud800). Remove the escape, or write the whole character.',
    }),
  )
