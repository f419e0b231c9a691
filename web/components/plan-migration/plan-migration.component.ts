/**
 * Revising a running plan (修订计划), for those who may govern it: pick a newer published version
 * of its policy (its change note shown), optionally say which ids were renamed, preview what the
 * move does to every task — as a table by unit or by kind of change — with
 * `POST …/migration { dryRun: true }`, then apply that preview (`planRevision`). A preview made
 * stale by another change of the plan is refused (409) and shown as the server says it. Renders
 * nothing for users who may not govern the plan.
 *
 * @summary The revise-plan action of the plan dashboard (`ls-plan-migration`).
 * @event ls-plan-migrate - Emitted with `{ planId, version }` after the plan moved.
 * @csspart preview - The preview's (or the applied migration's) table.
 */
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { ApiIssue } from '../../api.ts'
import type { PlanMigration, PlanMigrationOptions } from '../../api-types.ts'
import type { LsPlanMigrateEvent } from '../../events/ls-plan-migrate.ts'
import { fill, pick, t, tOf } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './plan-migration.styles.ts'

type RenameKind = 'responsibilities' | 'phases' | 'indicators' | 'assessmentItems'
const RENAME_KINDS: readonly RenameKind[] = [
  'responsibilities',
  'phases',
  'indicators',
  'assessmentItems',
]

interface RenameRow {
  kind: RenameKind
  from: string
  to: string
}

type TaskChange = PlanMigration['byUnit'][number]['tasks'][number]

const periodText = (period: string) => (period === 'once' ? t('period_once') : period)

export class LsPlanMigration extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    options: { state: true },
    open: { state: true },
    version: { state: true },
    renames: { state: true },
    preview: { state: true },
    applied: { state: true },
    view: { state: true },
    busy: { state: true },
    error: { state: true },
    issues: { state: true },
  }

  /** The running plan. */
  declare planId: string
  declare options: PlanMigrationOptions | null
  declare open: boolean
  /** The version picked. */
  declare version: string
  declare renames: RenameRow[]
  /** The preview of what is picked, cleared by any edit: applying needs a fresh one. */
  declare preview: PlanMigration | null
  declare applied: PlanMigration | null
  declare view: 'unit' | 'change'
  declare busy: boolean
  declare error: string
  declare issues: ApiIssue[]

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.planId = ''
    this.options = null
    this.open = false
    this.version = ''
    this.renames = []
    this.preview = null
    this.applied = null
    this.view = 'unit'
    this.busy = false
    this.error = ''
    this.issues = []
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('planId') && this.planId) void this.load()
  }

  private async load(): Promise<void> {
    try {
      const options = await call(
        client.plans[':id'].migration.$get({ param: pathParams({ id: this.planId }) }),
      )
      this.options = options
      if (!options.versions.some((v) => v.version === this.version))
        this.version = options.versions[0]?.version ?? ''
    } catch (error) {
      // A server without the route, or a plan one may not see: the action is simply not offered.
      this.options = null
      if (error instanceof ApiError && error.status >= 500) this.fail(error)
    }
  }

  private fail(error: unknown): void {
    this.error = error instanceof ApiError ? pick(error.text) : String(error)
    this.issues = error instanceof ApiError ? (error.details.issues ?? []) : []
  }

  private edit(): void {
    this.preview = null
    this.error = ''
    this.issues = []
  }

  private body(dryRun: boolean) {
    const renames: Partial<Record<RenameKind, Record<string, string>>> = {}
    for (const row of this.renames) {
      const from = row.from.trim()
      const to = row.to.trim()
      if (!from || !to) continue
      renames[row.kind] = { ...renames[row.kind], [from]: to }
    }
    return {
      toVersion: this.version,
      ...(Object.keys(renames).length ? { renames } : {}),
      ...(dryRun ? { dryRun: true } : { planRevision: this.preview?.planRevision ?? 0 }),
    }
  }

  private handlePreview = async (): Promise<void> => {
    this.busy = true
    this.edit()
    this.applied = null
    try {
      this.preview = await call(
        client.plans[':id'].migration.$post({
          param: pathParams({ id: this.planId }),
          json: this.body(true),
        }),
      )
    } catch (error) {
      this.fail(error)
    } finally {
      this.busy = false
    }
  }

  private handleApply = async (): Promise<void> => {
    if (!this.preview) return
    this.busy = true
    this.error = ''
    try {
      const answer = await call(
        client.plans[':id'].migration.$post({
          param: pathParams({ id: this.planId }),
          json: this.body(false),
        }),
      )
      this.applied = answer
      this.preview = null
      this.renames = []
      this.dispatchEvent(
        new CustomEvent('ls-plan-migrate', {
          detail: { planId: this.planId, version: answer.to.version },
          bubbles: true,
          composed: true,
        }) satisfies LsPlanMigrateEvent,
      )
      await this.load()
    } catch (error) {
      this.fail(error)
      // The plan changed since the preview: it no longer says what applying would do.
      if (error instanceof ApiError && error.status === 409) this.preview = null
    } finally {
      this.busy = false
    }
  }

  private handleVersion = (event: Event): void => {
    this.version = (event.target as HTMLSelectElement).value
    this.edit()
  }

  private handleRename(index: number, field: keyof RenameRow, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value
    this.renames = this.renames.map((row, i) => (i === index ? { ...row, [field]: value } : row))
    this.edit()
  }

  private handleAddRename = (): void => {
    this.renames = [...this.renames, { kind: 'responsibilities', from: '', to: '' }]
    this.edit()
  }

  private handleRemoveRename(index: number): void {
    this.renames = this.renames.filter((_, i) => i !== index)
    this.edit()
  }

  override render() {
    const options = this.options
    if (!options?.mayGovern) return nothing
    return html`
      <button type="button" class="open" aria-expanded=${this.open ? 'true' : 'false'}
        @click=${() => (this.open = !this.open)}>${t('mig_open')}</button>
      ${this.open ? this.renderPanel(options) : nothing}
    `
  }

  private renderPanel(options: PlanMigrationOptions) {
    const picked = options.versions.find((v) => v.version === this.version)
    return html`<section class="panel" aria-labelledby="mig-title">
      <h4 id="mig-title">${fill(t('mig_title'), { version: options.current.version })}</h4>
      ${
        options.versions.length === 0
          ? html`<p class="muted">${fill(t('mig_none'), { version: options.current.version })}</p>`
          : html`
            <div class="row">
              <label>${t('mig_version')}
                <select name="version" @change=${this.handleVersion}>
                  ${options.versions.map((v) => html`<option value=${v.version} ?selected=${v.version === this.version}>${v.version}</option>`)}
                </select>
              </label>
            </div>
            ${picked?.note ? html`<p class="note"><strong>${t('mig_note')}：</strong>${picked.note}</p>` : nothing}
            ${this.renderRenames()}
            <div class="actions">
              <button type="button" ?disabled=${this.busy || !this.version} @click=${this.handlePreview}>${t('mig_preview')}</button>
              <button type="button" class="primary" ?disabled=${this.busy || !this.preview}
                title=${this.preview ? '' : t('mig_previewFirst')} @click=${this.handleApply}>${t('mig_apply')}</button>
            </div>`
      }
      ${
        this.error
          ? html`<div role="alert" class="error">${this.error}
            ${this.issues.length ? html`<ul>${this.issues.map((issue) => html`<li>${issue.pointer}：${pick(issue.message)}</li>`)}</ul>` : nothing}
          </div>`
          : nothing
      }
      ${this.preview ? this.renderResult(this.preview) : nothing}
      ${
        this.applied
          ? html`<p class="done" role="status">${fill(t('mig_applied'), { version: this.applied.to.version })}</p>
            ${this.renderResult(this.applied)}`
          : nothing
      }
    </section>`
  }

  private renderRenames() {
    return html`<fieldset class="renames">
      <legend>${t('mig_renames')}</legend>
      ${this.renames.map(
        (row, index) => html`<div class="row">
          <label>${t('mig_renameKind')}
            <select @change=${(event: Event) => this.handleRename(index, 'kind', event)}>
              ${RENAME_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === row.kind}>${tOf('migRename_', kind)}</option>`)}
            </select>
          </label>
          <label>${t('mig_renameFrom')}<input name="from" .value=${row.from} autocomplete="off"
            @input=${(event: Event) => this.handleRename(index, 'from', event)} /></label>
          <label>${t('mig_renameTo')}<input name="to" .value=${row.to} autocomplete="off"
            @input=${(event: Event) => this.handleRename(index, 'to', event)} /></label>
          <button type="button" @click=${() => this.handleRemoveRename(index)}>${t('mig_renameRemove')}</button>
        </div>`,
      )}
      <button type="button" @click=${this.handleAddRename}>${t('mig_renameAdd')}</button>
    </fieldset>`
  }

  private renderResult(result: PlanMigration) {
    const c = result.counts
    const unmatched = RENAME_KINDS.flatMap((kind) => [
      ...result.unmatched[kind].removed.map((e) => ({ kind, side: 'removed' as const, ...e })),
      ...result.unmatched[kind].added.map((e) => ({ kind, side: 'added' as const, ...e })),
    ])
    return html`<div part="preview" aria-live="polite">
      ${result.to.note ? html`<p class="note"><strong>${t('mig_note')}：</strong>${result.to.note}</p>` : nothing}
      <ul class="counts">
        <li>${fill(t('mig_counts'), {
          kept: c.kept,
          deadline: c.deadline,
          form: c.form,
          withdrawn: c.removed + c.unitRemoved,
          created: c.added + c.unitAdded,
        })}</li>
      </ul>
      ${
        unmatched.length
          ? html`<div class="unmatched"><h5>${t('mig_unmatched')}</h5><ul>
            ${unmatched.map((e) => html`<li>${tOf('migRename_', e.kind)} · ${t(e.side === 'removed' ? 'mig_unmatchedRemoved' : 'mig_unmatchedAdded')}：${e.name}（${e.id}）</li>`)}
          </ul></div>`
          : nothing
      }
      ${
        result.schedules.length
          ? html`<p class="muted">${t('mig_schedules')}${result.schedules.map((s) => `${s.title}（${s.fromPeriod ?? '—'}）`).join('、')}</p>`
          : nothing
      }
      <div class="views" role="group">
        <button type="button" aria-pressed=${this.view === 'unit' ? 'true' : 'false'} @click=${() => (this.view = 'unit')}>${t('mig_byUnit')}</button>
        <button type="button" aria-pressed=${this.view === 'change' ? 'true' : 'false'} @click=${() => (this.view = 'change')}>${t('mig_byChange')}</button>
      </div>
      <div class="scroll">${this.view === 'unit' ? this.renderByUnit(result) : this.renderByChange(result)}</div>
    </div>`
  }

  private row(task: TaskChange, showUnit: boolean) {
    const due = task.changes.includes('deadline')
      ? `${task.dueFrom ?? '—'} → ${task.dueTo ?? '—'}`
      : (task.dueTo ?? '—')
    return html`<tr>
      ${showUnit ? html`<td>${task.unit.name}</td>` : nothing}
      <td>${task.title}${task.fromSourceId ? html` <span class="muted">(${task.fromSourceId} → ${task.sourceId})</span>` : nothing}</td>
      <td>${periodText(task.period)} · ${tOf('role_', task.role)}</td>
      <td class="kind">${task.changes.map((kind) => html`<span class=${`kind-${kind}`}>${tOf('migKind_', kind)}</span> `)}</td>
      <td>${due}</td>
      <td>${task.why}${task.flagged ? html`<br /><span class="flag">${t('mig_flagged')}</span>` : nothing}</td>
    </tr>`
  }

  private head(showUnit: boolean) {
    return html`<thead><tr>
      ${showUnit ? html`<th scope="col">${t('mig_unit')}</th>` : nothing}
      <th scope="col">${t('mig_task')}</th><th scope="col">${t('mig_period')}</th><th scope="col">${t('mig_change')}</th>
      <th scope="col">${t('mig_due')}</th><th scope="col">${t('mig_why')}</th>
    </tr></thead>`
  }

  /** By unit: each unit's changed tasks, and how many of its tasks stay as they are. */
  private renderByUnit(result: PlanMigration) {
    return html`<table class="by-unit">
      ${this.head(false)}
      ${result.byUnit.map((entry) => {
        const changed = entry.tasks.filter((task) => !task.changes.includes('kept'))
        const kept = entry.tasks.length - changed.length
        return html`<tbody>
          <tr><th class="group" colspan="5" scope="rowgroup">${entry.unit.name}
            ${kept ? html`<span class="muted"> · ${fill(t('mig_keptCount'), { n: kept })}</span>` : nothing}</th></tr>
          ${changed.map((task) => this.row(task, false))}
        </tbody>`
      })}
    </table>`
  }

  /** By kind of change; the tasks kept are folded away. */
  private renderByChange(result: PlanMigration) {
    return html`${result.byChange.map((group) =>
      group.kind === 'kept'
        ? html`<details><summary>${tOf('migKind_', group.kind)}（${group.tasks.length}）</summary>
            <table class="by-change">${this.head(true)}<tbody>${group.tasks.map((task) => this.row(task, true))}</tbody></table>
          </details>`
        : html`<h5 class=${`kind-${group.kind}`}>${tOf('migKind_', group.kind)}（${group.tasks.length}）</h5>
            <table class="by-change">${this.head(true)}<tbody>${group.tasks.map((task) => this.row(task, true))}</tbody></table>`,
    )}`
  }
}
