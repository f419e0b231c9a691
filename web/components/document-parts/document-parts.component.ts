/**
 * Progress by the document's own structure (二、 三、 … 附件), apart from the time phases: one
 * row per part with its heading where the config names it (`structure.parts`), its duties, its
 * tasks done of all, and the share done — the same `percentDone` as every other share on the
 * dashboard.
 *
 * @summary Progress by the document's parts (按文件结构).
 * @csspart table - The parts table.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import type { PlanProgress } from '../../api-types.ts'
import { messageTable } from '../../i18n.ts'
import { percentDone } from '../../../domain/supervision/plan-figures.ts'
import styles from './document-parts.styles.ts'

type Part = PlanProgress['parts'][number]

const text = messageTable({
  caption: {
    zh: '按文件结构：各部分的职责与任务完成情况（每项职责的任务计一次）',
    en: 'By the document’s parts: duties and tasks done (each duty’s task counted once)',
  },
  part: { zh: '部分', en: 'Part' },
  title: { zh: '标题', en: 'Heading' },
  duties: { zh: '职责', en: 'Duties' },
  tasks: { zh: '完成/任务', en: 'Done / tasks' },
  percent: { zh: '完成率', en: 'Done' },
})

export class LsDocumentParts extends LitElement {
  static override styles = styles
  static override properties = { parts: { attribute: false } }

  /** The plan's parts, in the order the document has them (the order of `/progress`). */
  declare parts: readonly Part[]

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.parts = []
  }

  override render() {
    if (this.parts.length === 0) return nothing
    return html`<table part="table">
      <caption>${text('caption')}</caption>
      <thead>
        <tr>
          <th scope="col">${text('part')}</th>
          <th scope="col">${text('title')}</th>
          <th scope="col" class="num">${text('duties')}</th>
          <th scope="col" class="num">${text('tasks')}</th>
          <th scope="col" class="num">${text('percent')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.parts.map(
          (part) => html`<tr>
            <th scope="row">${part.part}</th>
            <td>${part.title ?? html`<span class="muted">—</span>`}</td>
            <td class="num">${part.duties}</td>
            <td class="num">${part.tasks.approved}/${part.tasks.total}</td>
            <td class="num">${percentDone(part.tasks)}%</td>
          </tr>`,
        )}
      </tbody>
    </table>`
  }
}
