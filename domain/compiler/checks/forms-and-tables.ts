/**
 * @module Checks the parts of a config that carry their own structure: form schemas compile
 * (`form-schema-invalid`), parameter tables name real coordinates once each
 * (`parameter-invalid`), and targets say what they aim at (`target-invalid`).
 */
import type { Ajv } from 'ajv'
import { createAjv, requireText } from '../../../schemas/ajv.ts'
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

let formAjv: Ajv | undefined

export const checkForms: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  // One Ajv for every check: building one costs more than compiling a form.
  const ajv = (formAjv ??= createAjv())
  list<Record<string, unknown>>(policy.forms).forEach((form, index) => {
    if (!isRecord(form) || !isRecord(form.schema)) return
    try {
      // Compiled as forms are (compileForm): with required text refusing blanks.
      const prepared = requireText(form.schema) as Record<string, unknown>
      ajv.compile(prepared)
      // Ajv caches each compiled schema object; drop it so a long-running server does not grow.
      ajv.removeSchema(prepared)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      issues.push(
        configIssue('form-schema-invalid', `/forms/${index}/schema`, {
          zh: `表单「${String(form.title ?? form.id)}」的 JSON Schema 无效：${reason}。`,
          en: `The JSON Schema of form "${String(form.title ?? form.id)}" is invalid: ${reason}.`,
        }),
      )
    }
  })
  return issues
}

export const checkParameters: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  list<Record<string, unknown>>(policy.parameters).forEach((table, t) => {
    if (!isRecord(table)) return
    const dimensions = new Map(
      list<Record<string, unknown>>(table.dimensions)
        .filter(isRecord)
        .map((dimension) => [String(dimension.id), list<string>(dimension.values)] as const),
    )
    const seen = new Map<string, number>()
    list<Record<string, unknown>>(table.values).forEach((entry, v) => {
      if (!isRecord(entry) || !isRecord(entry.at)) return
      const pointer = `/parameters/${t}/values/${v}/at`
      const keys = Object.keys(entry.at)
      const missing = [...dimensions.keys()].filter((key) => !keys.includes(key))
      const extra = keys.filter((key) => !dimensions.has(key))
      if (missing.length || extra.length) {
        issues.push(
          configIssue('parameter-invalid', pointer, {
            zh: `坐标应恰好包含维度 ${[...dimensions.keys()].join('、')}${missing.length ? `；缺少 ${missing.join('、')}` : ''}${extra.length ? `；多出 ${extra.join('、')}` : ''}。`,
            en: `Coordinates must name exactly the dimensions ${[...dimensions.keys()].join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unknown ${extra.join(', ')}` : ''}.`,
          }),
        )
        return
      }
      for (const [key, value] of Object.entries(entry.at)) {
        const allowed = dimensions.get(key)!
        if (!allowed.includes(String(value))) {
          issues.push(
            configIssue('parameter-invalid', `${pointer}/${key}`, {
              zh: `「${String(value)}」不是维度 ${key} 的取值。可选：${allowed.join('、')}。`,
              en: `"${String(value)}" is not a value of dimension ${key}. Allowed: ${allowed.join(', ')}.`,
            }),
          )
        }
      }
      const key = [...dimensions.keys()]
        .map((dimension) => String(entry.at && (entry.at as Record<string, unknown>)[dimension]))
        .join(' × ')
      if (seen.has(key)) {
        issues.push(
          configIssue('parameter-invalid', pointer, {
            zh: `坐标「${key}」重复（第 ${seen.get(key)! + 1} 项已给出取值）。`,
            en: `Coordinates "${key}" repeat entry ${seen.get(key)! + 1}.`,
          }),
        )
      } else seen.set(key, v)
    })
  })
  return issues
}

export const checkTargets: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  const check = (targets: unknown, base: string, hasBaseline: boolean) => {
    const years = new Map<string, number>()
    list<Record<string, unknown>>(targets).forEach((target, index) => {
      if (!isRecord(target)) return
      const pointer = `${base}/${index}`
      // A relative target's value is the other indicator's (checked in target-forms.ts).
      const hasValue = typeof target.value === 'number' || typeof target.relativeTo === 'string'
      const hasDelta = typeof target.delta === 'number'
      if (hasValue === hasDelta) {
        issues.push(
          configIssue('target-invalid', pointer, {
            zh: `目标须且只须写 value（目标值）或 delta（较基线变化）之一。`,
            en: 'A target needs exactly one of value (the target) or delta (change against the baseline).',
          }),
        )
      } else if (hasDelta && !hasBaseline) {
        issues.push(
          configIssue('target-invalid', `${pointer}/delta`, {
            zh: `目标按较基线变化（delta）给出，但指标没有 baseline。请补充 baseline，如 { label: 试点前 }。`,
            en: 'The target is a change (delta) but the indicator has no baseline. Add one, e.g. { label: 试点前 }.',
          }),
        )
      }
      const year = String(target.year ?? 'any')
      if (years.has(year)) {
        issues.push(
          configIssue('target-invalid', pointer, {
            zh: `${year === 'any' ? '不分年度的' : `${year} 年的`}目标重复（第 ${years.get(year)! + 1} 项）。`,
            en: `Duplicate target for ${year === 'any' ? 'all years' : year} (entry ${years.get(year)! + 1}).`,
          }),
        )
      } else years.set(year, index)
    })
  }
  list<Record<string, unknown>>(policy.indicators).forEach((indicator, index) => {
    if (isRecord(indicator))
      check(indicator.targets, `/indicators/${index}/targets`, isRecord(indicator.baseline))
  })
  list<Record<string, unknown>>(policy.assessments).forEach((assessment, a) => {
    if (!isRecord(assessment)) return
    list<Record<string, unknown>>(assessment.items).forEach((item, i) => {
      if (!isRecord(item)) return
      list<Record<string, unknown>>(item.measures).forEach((measure, m) => {
        if (isRecord(measure))
          check(measure.targets, `/assessments/${a}/items/${i}/measures/${m}/targets`, false)
      })
    })
  })
  return issues
}
