/**
 * @module Conditional and optional duties: a `startsWhen` names an event that can happen in this
 * plan — a step of a declared procedure, or a declared assessment's publication — and a duty is
 * either conditional or optional, not both.
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

type Entry = Record<string, unknown>

export const checkDutyStarts: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  const procedures = new Map(
    list<Entry>(policy.procedures)
      .filter(isRecord)
      .map((procedure) => [
        String(procedure.id),
        list<Entry>(procedure.steps)
          .filter(isRecord)
          .map((step) => String(step.id)),
      ]),
  )
  const assessments = new Set(
    list<Entry>(policy.assessments)
      .filter(isRecord)
      .map((a) => String(a.id)),
  )
  list<Entry>(policy.responsibilities).forEach((duty, index) => {
    if (!isRecord(duty)) return
    const base = `/responsibilities/${index}`
    if (isRecord(duty.startsWhen) && isRecord(duty.optional))
      issues.push(
        configIssue('duty-start-invalid', `${base}/optional`, {
          zh: '一项任务不能既是条件任务（startsWhen）又是可选任务（optional）。请只保留一种。',
          en: 'A duty cannot be both conditional (startsWhen) and optional; keep one.',
        }),
      )
    const when = duty.startsWhen
    if (!isRecord(when)) return
    const at = `${base}/startsWhen`
    if (when.event === 'procedure-step') {
      const steps = procedures.get(String(when.procedure))
      if (typeof when.procedure !== 'string' || !steps)
        issues.push(
          configIssue('duty-start-invalid', `${at}/procedure`, {
            zh: `procedure-step 事件须写 procedure，且是 procedures 中声明的程序（现有：${[...procedures.keys()].join('、') || '无'}）。`,
            en: `A procedure-step event needs procedure, one declared in procedures (declared: ${[...procedures.keys()].join(', ') || 'none'}).`,
          }),
        )
      else if (typeof when.step !== 'string' || !steps.includes(when.step))
        issues.push(
          configIssue('duty-start-invalid', `${at}/step`, {
            zh: `step 须是程序「${when.procedure}」的步骤之一：${steps.join('、')}。`,
            en: `step must be one of the steps of procedure "${when.procedure}": ${steps.join(', ')}.`,
          }),
        )
      if (when.assessment !== undefined)
        issues.push(
          configIssue('duty-start-invalid', `${at}/assessment`, {
            zh: 'procedure-step 事件不用 assessment，请删去。',
            en: 'A procedure-step event takes no assessment; remove it.',
          }),
        )
    } else if (when.event === 'assessment-published') {
      if (typeof when.assessment !== 'string' || !assessments.has(when.assessment))
        issues.push(
          configIssue('duty-start-invalid', `${at}/assessment`, {
            zh: `assessment-published 事件须写 assessment，且是 assessments 中声明的考核（现有：${[...assessments].join('、') || '无'}）。`,
            en: `An assessment-published event needs assessment, one declared in assessments (declared: ${[...assessments].join(', ') || 'none'}).`,
          }),
        )
      if (when.procedure !== undefined || when.step !== undefined)
        issues.push(
          configIssue('duty-start-invalid', at, {
            zh: 'assessment-published 事件不用 procedure 和 step，请删去。',
            en: 'An assessment-published event takes no procedure or step; remove them.',
          }),
        )
    }
  })
  return issues
}
