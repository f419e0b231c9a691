/**
 * The semantic diff between two versions (from `GET /api/policies/:id/diff`): added, removed and
 * changed responsibilities, deadlines, phases, indicators and scoring items, field by field.
 *
 * @summary A readable policy diff.
 */
import { html, LitElement } from 'lit'
import type { PolicyDiff } from '../../api-types.ts'
import { t } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './policy-diff.styles.ts'

type ElementDiff = PolicyDiff['responsibilities']
const SECTIONS = ['responsibilities', 'phases', 'indicators', 'scoring'] as const

/** A value as short text: strings as written, lists joined, objects as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—'
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.join('、')
  if (typeof value === 'object' && value !== null && 'unspecified' in value)
    return `${t('peUnspecified')}（${String(value.unspecified)}）`
  return JSON.stringify(value)
}

export class LsPolicyDiff extends LitElement {
  static override styles = styles
  static override properties = { diff: { attribute: false } }

  /** The diff as the server returns it. */
  declare diff: PolicyDiff | undefined

  constructor() {
    super()
    this.diff = undefined
    this.addController(new LocaleController(this))
  }

  private renderSection(title: string, diff: ElementDiff) {
    const count = diff.added.length + diff.removed.length + diff.changed.length
    return html`
      <h4>${title} (${count})</h4>
      ${
        count === 0
          ? html`<p class="none">${t('peDiffNone')}</p>`
          : html`<ul>
            ${diff.added.map((item) => html`<li class="added"><span class="mark">+ ${t('peAdded')}</span>${item.name} <span class="id">${item.id}</span></li>`)}
            ${diff.removed.map((item) => html`<li class="removed"><span class="mark">− ${t('peRemoved')}</span>${item.name} <span class="id">${item.id}</span></li>`)}
            ${diff.changed.map(
              (
                item,
              ) => html`<li class="changed"><span class="mark">~ ${t('peChanged')}</span>${item.name} <span class="id">${item.id}</span>
                <dl>${item.fields.map((field) => html`<dt>${field.field}</dt><dd><del>${showValue(field.from)}</del> → <ins>${showValue(field.to)}</ins></dd>`)}</dl>
              </li>`,
            )}
          </ul>`
      }
    `
  }

  override render() {
    const diff = this.diff
    if (!diff) return html``
    return html`
      <p>${t('peDiffBetween').replace('{from}', diff.from).replace('{to}', diff.to)}</p>
      <h4>${t('peDiff_deadlines')} (${diff.deadlines.length})</h4>
      ${
        diff.deadlines.length === 0
          ? html`<p class="none">${t('peDiffNone')}</p>`
          : html`<ul>${diff.deadlines.map(
              (
                d,
              ) => html`<li class="changed"><span class="mark">~</span>${d.name} <span class="id">${d.id}</span>
            <dl><dt>${t('peDeadline')}</dt><dd><del>${showValue(d.from)}</del> → <ins>${showValue(d.to)}</ins></dd></dl></li>`,
            )}</ul>`
      }
      ${SECTIONS.map((section) => this.renderSection(t(`peDiff_${section}`), diff[section]))}
    `
  }
}
