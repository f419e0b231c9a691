/**
 * @module What publishing asks of a config text, as plain data: the config issues, or the policy
 * tests that fail, or the config. The same function runs in-process (CLI, seeds, tests) and in
 * the policy worker (`policy-worker.ts`), which is why its result holds no functions or classes.
 */
import { configIssue } from '../../domain/compiler/config-issue.ts'
import type { ConfigIssue } from '../../domain/compiler/config-issue.ts'
import { validatePolicyText } from '../../domain/compiler/validate-policy.ts'
import type { PolicyConfig } from '../../schemas/index.ts'
import { runPolicyTests } from '../../domain/scoring/run-policy-tests.ts'
import { collectSources } from '../../domain/compiler/checks/sources.ts'

export type PolicyCheck =
  | { ok: true; policy: PolicyConfig; issues: ConfigIssue[] }
  | { ok: false; failed: 'config'; issues: ConfigIssue[] }
  | { ok: false; failed: 'tests'; issues: ConfigIssue[] }

/** What the validate route answers: every issue, and whether the config is valid. */
export interface PolicyValidation {
  ok: boolean
  issues: ConfigIssue[]
}

/** Validates a draft (YAML, schema, semantic checks, quotes against the source text). */
export function validateDraft(yaml: string, sourceText: string | undefined): PolicyValidation {
  const result = validatePolicyText(yaml, { file: 'policy.yaml', warnUncheckedQuotes: true, ...(sourceText !== undefined ? { readSource: () => sourceText } : {}) })
  return { ok: result.ok, issues: result.issues }
}

/**
 * Validates a config for publishing, then runs its policy tests: the author's own statement of
 * what the scoring table gives. A version whose tests fail would score districts other than the
 * author says, so it is not published.
 */
export function checkForPublishing(yaml: string, sourceText: string | undefined): PolicyCheck {
  const result = validatePolicyText(yaml, {
    file: 'policy.yaml',
    ...(sourceText !== undefined ? { readSource: () => sourceText } : {}),
  })
  // Publishing checks every quote: a config that quotes its document needs the document.
  const unchecked = sourceText === undefined && collectSources(result.policy).length > 0
  if (!result.ok || unchecked) {
    const issues = unchecked ? [sourceTextRequired(), ...result.issues] : result.issues
    return { ok: false, failed: 'config', issues }
  }
  const failing = runPolicyTests(result.policy, result.locate).filter((test) => !test.passed)
  if (failing.length > 0) {
    return {
      ok: false,
      failed: 'tests',
      issues: failing.map((test) => ({
        ...configIssue('policy-test-failed', test.pointer, {
          zh: `考核测试「${test.name}」未通过：${test.failures.map((failure) => failure.message.zh).join('；')}`,
          en: `Policy test "${test.name}" fails: ${test.failures.map((failure) => failure.message.en).join('; ')}`,
        }),
        file: 'policy.yaml',
        ...(test.line ? { line: test.line, col: 1 } : {}),
      })),
    }
  }
  return { ok: true, policy: result.policy, issues: result.issues }
}

/**
 * The issue for a publish request without `sourceText` whose config quotes the document. Its
 * pointer is into the request, not the config: the fix is a field to send.
 */
export function sourceTextRequired(): ConfigIssue {
  return configIssue('source-file-missing', '/sourceText', {
    zh: '未提供政策原文：配置中有引文（source.quote），发布时须核对每条引文。请在请求的 sourceText 中提交政策原文（UTF-8 纯文本；.docx 可先经 POST /api/policies/source-text 转为文本）后再发布。',
    en: 'No source text: the config quotes the document (source.quote), and publishing checks every quote. Send the policy text (plain UTF-8; a .docx can be converted with POST /api/policies/source-text) as sourceText in the request.',
  })
}
