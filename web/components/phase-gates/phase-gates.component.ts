/**
 * A plan's phases: a Gantt timeline (ECharts, loaded on first use) and, as its accessible
 * counterpart, a table of each phase's window, status, approved share and gate. Where a gate
 * awaits a body's sign-off, a button opens a short form that posts
 * `POST /api/plans/:id/phases/:phaseId/sign-off`; the server's refusal (403 for non-members)
 * is shown as it says it.
 *
 * @summary Phase progress, gates and sign-off.
 * @event ls-sign-off - Emitted with `{ phaseId, closed }` after a sign-off was recorded.
 * @csspart chart - The timeline's drawing area (hidden from assistive technology; the table says the same).
 * @csspart table - The phases table.
 */
import { LocaleController } from '../../locale-controller.ts'
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ChartController } from '../../chart-controller.ts'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { PlanProgress } from '../../api-types.ts'
import type { LsSignOffEvent } from '../../events/ls-sign-off.ts'
import { locale, pick, t } from '../../i18n.ts'
import { fill } from '../task-table/task-format.ts'
import { phaseColor, standingText } from './phase-colors.ts'
import styles from './phase-gates.styles.ts'

type Phase = PlanProgress['phases'][number]

export class LsPhaseGates extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    phases: { attribute: false },
    today: {},
    names: { attribute: false },
    readOnly: { type: Boolean, attribute: 'read-only' },
    signing: { state: true },
    busy: { state: true },
    error: { state: true },
    message: { state: true },
  }

  /** The plan the phases belong to. */
  declare planId: string
  declare phases: readonly Phase[]
  /** The plan's "today" (the server's civil date), where the timeline draws its marker. */
  declare today: string
  /** Names of units and bodies by id, to name the body a gate waits for. */
  declare names: Readonly<Record<string, string>>
  /** The plan is not running (suspended, closed, archived): no sign-off is offered. */
  declare readOnly: boolean
  /** The phase whose sign-off form is open. */
  declare signing: string
  declare busy: boolean
  declare error: string
  declare message: string

  private chart = new ChartController(this, () => import('./phase-gates.chart.ts'))

  constructor() {
    super()
    this.addController(new LocaleController(this, () => this.redraw()))
    this.planId = ''
    this.phases = []
    this.today = ''
    this.readOnly = false
    this.names = {}
    this.signing = ''
    this.busy = false
    this.error = ''
    this.message = ''
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('phases') || changed.has('today')) this.redraw()
  }

  /** Draws the chart; a chart that fails leaves the table, which says the same, in place. */
  private redraw(): void {
    if (this.phases.length === 0) return
    this.chart.draw(
      (charts, element) => charts.createGantt(element),
      (charts) =>
        charts.ganttOption(this.phases, this.today, {
          today: t('dash_today'),
          status: (phase) => this.statusText(phase),
          approved: t('col_approved'),
        }),
    )
  }

  private statusText(phase: Phase): string {
    return standingText(phase.standing)
  }

  private bodyName(id: string): string {
    return this.names[id] ?? id
  }

  private needsSignOff(phase: Phase): boolean {
    return (
      !this.readOnly &&
      phase.status === 'open' &&
      !!phase.gate?.signOffRequired &&
      !phase.gate.signedOff
    )
  }

  private async handleSignOff(event: SubmitEvent, phase: Phase): Promise<void> {
    event.preventDefault()
    if (this.busy) return
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '').trim()
    this.busy = true
    this.error = ''
    try {
      const param = pathParams({ id: this.planId, phaseId: phase.id })
      const result = await call(
        client.plans[':id'].phases[':phaseId']['sign-off'].$post({
          param,
          json: note ? { note } : {},
        }),
      )
      this.signing = ''
      this.message = `${phase.name}：${t(result.closed ? 'signOffClosed' : 'signOffRecorded')}`
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('.message')?.focus()
      this.dispatchEvent(
        new CustomEvent('ls-sign-off', {
          detail: { phaseId: phase.id, closed: result.closed },
          bubbles: true,
          composed: true,
        }) satisfies LsSignOffEvent,
      )
    } catch (error) {
      this.error = error instanceof ApiError ? pick(error.text) : String(error)
    } finally {
      this.busy = false
    }
  }

  private async handleOpen(phase: Phase): Promise<void> {
    this.signing = phase.id
    this.error = ''
    await this.updateComplete
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#note-${CSS.escape(phase.id)}`)?.focus()
  }

  private renderGate(phase: Phase) {
    const gate = phase.gate
    if (!gate) return nothing
    // 已满足 only when the gate holds and no task is left undone: a phase closed by its window
    // (or by the plan) with work outstanding says how much.
    const undone = phase.tasks.total - phase.tasks.approved
    if (phase.standing === 'met' || (gate.holds && undone === 0))
      return html`<span class="ok">${t('gate_holds')}</span>`
    if (phase.status === 'closed')
      return html`<span class="late">${standingText('gateUnfinished', { n: undone })}</span>`
    const items = [
      !gate.windowEnded ? t('gate_window') : '',
      gate.openTasks > 0 ? fill(t('gate_openTasks'), { n: gate.openTasks }) : '',
      gate.signOffRequired
        ? fill(t(gate.signedOff ? 'gate_signedOff' : 'gate_signOff'), {
            body: gate.signOffBody?.name ?? this.bodyName(gate.signOffRequired),
          })
        : '',
      gate.milestones.length
        ? fill(t('gate_milestones'), {
            list: gate.milestones.map((m) => (m.due ? `${m.name}（${m.due}）` : m.name)).join('、'),
          })
        : '',
    ].filter(Boolean)
    return html`<ul class="gate">${items.map((item) => html`<li>${item}</li>`)}</ul>`
  }

  private renderAction(phase: Phase) {
    if (!this.needsSignOff(phase)) return nothing
    if (this.signing !== phase.id) {
      return html`<button type="button" @click=${() => void this.handleOpen(phase)}>${t('signOff')}</button>`
    }
    const noteId = `note-${phase.id}`
    return html`<form class="sign-off" @submit=${(event: SubmitEvent) => void this.handleSignOff(event, phase)} aria-label=${`${t('signOff')}：${phase.name}`}>
      <label for=${noteId}>${t('signOffNote')}</label>
      <textarea id=${noteId} name="note" rows="2" maxlength="2000"></textarea>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${t('signOffConfirm')}</button>
        <button type="button" @click=${() => {
          this.signing = ''
          this.error = ''
        }}>${t('cancel')}</button>
      </div>
    </form>`
  }

  private renderRow(phase: Phase) {
    const { total, approved } = phase.tasks
    const pct = phase.percent
    return html`<tr>
      <th scope="row"><span class="swatch" style="background:${phaseColor(phase)}" aria-hidden="true"></span>${phase.name}</th>
      <td class="nowrap" data-label=${t('dash_window')}>${phase.opensOn} – ${phase.closesOn}</td>
      <td class="nowrap ${phase.standing === 'late' || phase.standing === 'unfinished' ? 'late' : ''}" data-label=${t('col_state')} data-standing=${phase.standing}>${this.statusText(phase)}</td>
      <td class="nowrap" data-label=${t('col_approved')}>${approved}/${total}${total ? (locale() === 'zh' ? `（${pct}%）` : ` (${pct}%)`) : ''}<span class="meter" aria-hidden="true"><span style="width:${pct}%"></span></span></td>
      <td data-label=${t('dash_gate')}>${this.renderGate(phase)}</td>
      <td>${this.renderAction(phase)}</td>
    </tr>`
  }

  override render() {
    return html`
      <div part="chart" class="chart" aria-hidden="true" style="height:${Math.max(140, this.phases.length * 34 + 60)}px"></div>
      <div aria-live="polite" class="message" tabindex="-1">${this.message}</div>
      <table part="table">
        <caption>${t('dash_phases')}</caption>
        <thead><tr>
          <th scope="col">${t('col_phase')}</th><th scope="col">${t('dash_window')}</th><th scope="col">${t('col_state')}</th>
          <th scope="col">${t('col_approved')}</th><th scope="col">${t('dash_gate')}</th><th scope="col">${t('dash_action')}</th>
        </tr></thead>
        <tbody>${this.phases.map((phase) => this.renderRow(phase))}</tbody>
      </table>
    `
  }
}
