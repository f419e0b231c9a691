/**
 * @module Validates a policy config's text: YAML syntax, the JSON Schema, then the semantic
 * checks — collecting every problem at once, each positioned at its line and column.
 * Pure and browser-safe: the caller supplies the source document's text.
 */
import { policyValidator } from '../../schemas/ajv.ts'
import type { PolicyConfig } from '../../schemas/index.ts'
import { WorkingDayCalendar } from '../deadlines/index.ts'
import type { HolidayData } from '../deadlines/index.ts'
import { SourceDocument } from '../source-text/source-document.ts'
import { collectDeclarations, POLICY_CHECKS } from './checks/index.ts'
import { collectSources } from './checks/sources.ts'
import { isRecord, list } from './checks/check-context.ts'
import {
  appendAll,
  capIssues,
  configIssue,
  hasErrors,
  sortIssues,
  utf8Length,
} from './config-issue.ts'
import type { ConfigIssue } from './config-issue.ts'
import { limitedSchemaIssues } from './schema-issues.ts'
import { parseYamlSource } from './yaml-document.ts'

export const DEFAULT_SOURCE_DOCUMENT = 'source.txt'

/**
 * The largest config text validated, in UTF-8 bytes: about 25 times the largest bundled policy.
 * Checked before parsing, because parsing and schema-checking a text is what costs.
 */
export const MAX_POLICY_BYTES = 2 * 1024 * 1024

/**
 * Issues listed at most; the rest are counted in one closing `too-many-issues` issue. A text
 * with 200,000 unknown keys has 200,000 issues, and nobody reads past the first screen.
 */
export const MAX_LISTED_ISSUES = 200

export interface ValidatePolicyOptions {
  /** The file name shown with each issue. */
  file?: string
  /**
   * Reads the source document named by `metadata.sourceDocument` (relative to the config).
   * Returns undefined when it does not exist. Without a reader, quotes are not checked.
   */
  readSource?: (relativePath: string) => string | undefined
  /**
   * Without a reader, say so: a `quotes-not-checked` warning at the first quote. For callers
   * that answer someone who may not know the quotes went unchecked (the validate route).
   */
  warnUncheckedQuotes?: boolean
}

export type ValidatePolicyResult =
  | {
      ok: true
      policy: PolicyConfig
      issues: ConfigIssue[]
      source?: SourceDocument
      /** The line and column of the YAML node a JSON pointer names (for policy test results). */
      locate: (pointer: string) => { line?: number; col?: number }
    }
  | { ok: false; issues: ConfigIssue[]; policy?: unknown }

/**
 * Validates one config text.
 * @returns `ok: true` with the typed config and any warnings, or `ok: false` with every issue.
 * @example
 * const result = validatePolicyText(yamlText, { file: 'pingnan.yaml', readSource: () => sourceText })
 * if (!result.ok) for (const issue of result.issues) console.log(issue.line, issue.message.zh)
 */
export function validatePolicyText(
  text: string,
  options: ValidatePolicyOptions = {},
): ValidatePolicyResult {
  const bytes = utf8Length(text)
  if (bytes > MAX_POLICY_BYTES)
    return {
      ok: false,
      issues: [{ ...tooLarge(bytes), ...(options.file ? { file: options.file } : {}) }],
    }
  const yaml = parseYamlSource(text)
  // Only the listed issues are located: finding a node walks the YAML tree, per issue.
  const place = (all: ConfigIssue[], omitted = 0) => {
    const { listed, summary } = capIssues(all, MAX_LISTED_ISSUES, omitted)
    const placed = sortIssues(
      listed.map((issue) => ({
        ...issue,
        ...(options.file ? { file: options.file } : {}),
        ...(issue.line ? {} : yaml.locate(issue.pointer, { key: issue.code === 'unknown-field' })),
      })),
    )
    if (summary) placed.push({ ...summary, ...(options.file ? { file: options.file } : {}) })
    return placed
  }
  if (hasErrors(yaml.issues)) return { ok: false, issues: place(yaml.issues) }
  const value = yaml.value
  if (!isRecord(value)) {
    return {
      ok: false,
      issues: place([
        configIssue('wrong-type', '', {
          zh: '配置文件应是一个对象，顶层包含 metadata、organizations、responsibilities、timeline 等部分。',
          en: 'A policy config is a mapping with sections such as metadata, organizations, responsibilities and timeline.',
        }),
      ]),
    }
  }
  const validate = policyValidator()
  const issues: ConfigIssue[] = [...yaml.issues]
  let omitted = 0
  if (!validate(value)) {
    const schema = limitedSchemaIssues(validate.errors, MAX_LISTED_ISSUES)
    appendAll(issues, schema.issues)
    omitted = schema.omitted
  }
  const policy = value as PolicyConfig

  const { declarations, dataElements, issues: duplicateIssues } = collectDeclarations(policy)
  appendAll(issues, duplicateIssues)
  const source = readSourceDocument(policy, options, issues)
  if (!options.readSource && options.warnUncheckedQuotes) issues.push(quotesNotChecked(policy))
  const calendar = WorkingDayCalendar.mainland(...calendarExtension(policy))
  const context = { policy, declarations, dataElements, calendar, ...(source ? { source } : {}) }
  for (const [, check] of POLICY_CHECKS) {
    try {
      appendAll(issues, check(context))
    } catch {
      // A check can only trip over a config the schema has already rejected; its issues say why.
      if (!hasErrors(issues)) throw new Error('a policy check failed on a schema-valid config')
    }
  }
  const placed = place(issues, omitted)
  if (hasErrors(placed)) return { ok: false, issues: placed, policy }
  return {
    ok: true,
    policy,
    issues: placed,
    ...(source ? { source } : {}),
    locate: (pointer) => yaml.locate(pointer),
  }
}

function quotesNotChecked(policy: PolicyConfig): ConfigIssue {
  const first = collectSources(policy)[0]
  return configIssue(
    'quotes-not-checked',
    first ? `${first.pointer}/quote` : '',
    {
      zh: '未提供政策原文（sourceText），引文未核对。请随配置一并提交原文纯文本，才能确认每条引文出自原文。',
      en: 'No source text (sourceText) was given, so the quotes were not checked. Send the policy text with the config to have every quote checked.',
    },
    'warning',
  )
}

function tooLarge(bytes: number): ConfigIssue {
  const size = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`
  return configIssue('config-too-large', '', {
    zh: `配置文本有 ${size(bytes)}，超过上限 ${size(MAX_POLICY_BYTES)}，未校验。请检查是否误粘贴了其他内容，或把配置拆小。`,
    en: `The config text is ${size(bytes)}, over the ${size(MAX_POLICY_BYTES)} limit, and was not checked. Check for pasted-in content, or make the config smaller.`,
  })
}

function readSourceDocument(
  policy: PolicyConfig,
  options: ValidatePolicyOptions,
  issues: ConfigIssue[],
): SourceDocument | undefined {
  if (!options.readSource) return undefined
  const named = policy.metadata?.sourceDocument
  const path = typeof named === 'string' ? named : DEFAULT_SOURCE_DOCUMENT
  const text = options.readSource(path)
  if (text === undefined) {
    issues.push(
      configIssue(
        'source-file-missing',
        typeof named === 'string' ? '/metadata/sourceDocument' : '/metadata',
        {
          zh: `找不到来源文件「${path}」。请把政策原文（简体中文纯文本）放在配置文件旁，或在 metadata.sourceDocument 写明路径。`,
          en: `Source document "${path}" not found. Put the policy text (plain UTF-8) beside the config, or give its path in metadata.sourceDocument.`,
        },
      ),
    )
    return undefined
  }
  return new SourceDocument(text)
}

/** The policy's own holiday data, for years the bundled package does not cover. */
function calendarExtension(policy: PolicyConfig): HolidayData[] {
  return list<Record<string, unknown>>(policy.calendar?.years)
    .filter((entry) => isRecord(entry) && typeof entry.year === 'number')
    .map((entry) => ({
      years: [entry.year as number],
      holidays: list<string>(entry.holidays).filter((d) => typeof d === 'string'),
      workdays: list<string>(entry.workdays).filter((d) => typeof d === 'string'),
    }))
}
