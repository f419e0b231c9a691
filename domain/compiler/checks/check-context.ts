/**
 * @module What every semantic check receives: the config, its declared ids by kind, the source
 * document and the working-day calendar.
 *
 * Checks also run on configs that failed the schema (so that all problems are reported at once),
 * so they read the config defensively through {@link list} and never assume a field is present.
 */
import type { PolicyConfig } from '../../../schemas/index.ts'
import type { WorkingDayCalendar } from '../../deadlines/index.ts'
import type { SourceDocument } from '../../source-text/source-document.ts'
import type { ConfigIssue } from '../config-issue.ts'
import type { LocalizedText } from '../../../schemas/api/error.schema.ts'

/** Kinds of things an id can name. Units, groups and bodies can all own work. */
export type ElementKind =
  | 'unit'
  | 'group'
  | 'body'
  | 'responsibility'
  | 'procedure'
  | 'phase'
  | 'milestone'
  | 'indicator'
  | 'assessment'
  | 'form'
  | 'parameter'
  | 'provision'

export const KIND_NAMES: Record<ElementKind, LocalizedText> = {
  unit: { zh: '单位', en: 'unit' },
  group: { zh: '组织', en: 'group' },
  body: { zh: '机构', en: 'body' },
  responsibility: { zh: '任务', en: 'responsibility' },
  procedure: { zh: '程序', en: 'procedure' },
  phase: { zh: '阶段', en: 'phase' },
  milestone: { zh: '节点', en: 'milestone' },
  indicator: { zh: '指标', en: 'indicator' },
  assessment: { zh: '考核', en: 'assessment' },
  form: { zh: '表单', en: 'form' },
  parameter: { zh: '参数表', en: 'parameter table' },
  provision: { zh: '制度规定', en: 'provision set' },
}

/** A declared id: what it names and where it is declared. */
export interface Declaration {
  kind: ElementKind
  pointer: string
}

export interface CheckContext {
  /** The config as parsed; typed as valid, but read defensively (see module note). */
  policy: PolicyConfig
  /** Top-level element ids (one namespace, so a reference is never ambiguous). */
  declarations: Map<string, Declaration>
  /** Data element ids (their own namespace: they appear inside formulas). */
  dataElements: Set<string>
  source?: SourceDocument
  calendar: WorkingDayCalendar
}

export type PolicyCheck = (context: CheckContext) => ConfigIssue[]

/** The value as an array, or an empty one when the config has something else there. */
export function list<T>(value: readonly T[] | undefined | null | unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : []
}

/** True for a non-null object (not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
