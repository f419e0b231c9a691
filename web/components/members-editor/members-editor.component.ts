/**
 * The members of one group in a running plan, for its office to change: pick units of the config
 * or add a new unit (id and name), preview what the change does — the tasks each new unit gets,
 * the tasks withdrawn — with `PUT …/members?dryRun=true`, then apply it with the version read
 * (`If-Match`). A change made meanwhile by someone else is refused (409) and shown as the server
 * says it; the editor then reloads the members.
 *
 * @summary The members editor of a group (`ls-members-editor`).
 * @event ls-members-change - Emitted with `{ groupId, version }` after a change was applied.
 * @event ls-close - Emitted when the user closes the editor.
 * @csspart preview - The dry run's answer.
 */
import { html, LitElement, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { ApiIssue } from '../../api.ts'
import type { LsMembersChangeEvent } from '../../events/ls-members-change.ts'
import type { LsCloseEvent } from '../../events/ls-close.ts'
import { fill, locale, pick, t, tOf } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './members-editor.styles.ts'

type Member = { id: string; name: string }

/** What GET …/members answers. */
interface MembersView {
  group: Member
  configured: Member[]
  members: Array<Member & { configUnit: boolean }>
  units: Member[]
  version: string
  mayEdit: boolean
}

/** What PUT …/members answers, for a preview or an applied change. */
interface ChangeView {
  dryRun: boolean
  create: Array<{ unit: Member; tasks: Array<{ title: string; period: string; role: string }> }>
  withdraw: Array<{ unit: Member; tasks: Array<{ title: string; period: string; role: string }> }>
  timers: number
}

/** A task's period as people read it: 一次性 for a one-off, else the period itself (2018-05). */
const periodText = (period: string) => (period === 'once' ? t('period_once') : period)

/** The pattern of a unit id, as the request schema has it. */
const UNIT_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

export class LsMembersEditor extends LitElement {
  static override styles = styles
  static override properties = {
    planId: { attribute: 'plan-id' },
    groupId: { attribute: 'group-id' },
    view: { state: true },
    chosen: { state: true },
    preview: { state: true },
    applied: { state: true },
    busy: { state: true },
    error: { state: true },
    issues: { state: true },
  }

  /** The running plan. */
  declare planId: string
  /** The group whose members are edited. */
  declare groupId: string
  declare view: MembersView | null
  /** The members as the user has them now (sent as the full new list). */
  declare chosen: Member[]
  /** The dry run of {@link chosen}, cleared by any edit: applying needs a fresh one. */
  declare preview: ChangeView | null
  /** The answer of the change last applied. */
  declare applied: ChangeView | null
  declare busy: boolean
  declare error: string
  declare issues: ApiIssue[]

  constructor() {
    super()
    this.addController(new LocaleController(this))
    this.planId = ''
    this.groupId = ''
    this.view = null
    this.chosen = []
    this.preview = null
    this.applied = null
    this.busy = false
    this.error = ''
    this.issues = []
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('planId') || changed.has('groupId')) && this.planId && this.groupId)
      void this.load()
  }

  private get param() {
    return pathParams({ id: this.planId, groupId: this.groupId })
  }

  private async load(): Promise<void> {
    try {
      const view = await call(
        client.plans[':id'].groups[':groupId'].members.$get({ param: this.param }),
      )
      this.chosen = view.members.map(({ id, name }) => ({ id, name }))
      this.view = view
      this.preview = null
    } catch (error) {
      this.fail(error)
    }
  }

  private fail(error: unknown): void {
    this.error = error instanceof ApiError ? pick(error.text) : String(error)
    this.issues = error instanceof ApiError ? (error.details.issues ?? []) : []
  }

  private edit(next: Member[]): void {
    this.chosen = next
    this.preview = null
    this.applied = null
    this.error = ''
    this.issues = []
  }

  private handlePick = (event: Event): void => {
    const select = event.target as HTMLSelectElement
    const unit = this.view?.units.find((candidate) => candidate.id === select.value)
    if (unit && !this.chosen.some((member) => member.id === unit.id))
      this.edit([...this.chosen, unit])
    select.value = ''
  }

  private handleAddNew = (event: Event): void => {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const id = (form.elements.namedItem('id') as HTMLInputElement).value.trim()
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim()
    if (!UNIT_ID.test(id) || !name) {
      this.error = t('mem_badId')
      return
    }
    this.edit([...this.chosen.filter((member) => member.id !== id), { id, name }])
    form.reset()
  }

  private handleRemove(id: string): void {
    this.edit(this.chosen.filter((member) => member.id !== id))
  }

  private handlePreview = async (): Promise<void> => {
    this.busy = true
    this.error = ''
    this.issues = []
    try {
      this.preview = await call(
        client.plans[':id'].groups[':groupId'].members.$put({
          param: this.param,
          query: { dryRun: 'true' },
          json: { members: this.chosen },
        }),
      )
    } catch (error) {
      this.fail(error)
    } finally {
      this.busy = false
    }
  }

  private handleApply = async (): Promise<void> => {
    const view = this.view
    if (!view || !this.preview) return
    this.busy = true
    this.error = ''
    try {
      const answer = await call(
        client.plans[':id'].groups[':groupId'].members.$put(
          { param: this.param, query: {}, json: { members: this.chosen } },
          { headers: { 'if-match': `"${view.version}"` } },
        ),
      )
      this.dispatchEvent(
        new CustomEvent('ls-members-change', {
          detail: { groupId: this.groupId, version: answer.version },
          bubbles: true,
          composed: true,
        }) satisfies LsMembersChangeEvent,
      )
      await this.load()
      this.applied = answer
    } catch (error) {
      this.fail(error)
      // Someone else changed them: show what they are now, keep the user's list to compare.
      if (error instanceof ApiError && error.status === 409) {
        const mine = this.chosen
        await this.load()
        this.chosen = mine
        this.fail(error)
      }
    } finally {
      this.busy = false
    }
  }

  private handleClose = (): void => {
    this.dispatchEvent(
      new CustomEvent('ls-close', { bubbles: true, composed: true }) satisfies LsCloseEvent,
    )
  }

  private renderChange(change: ChangeView, done: boolean) {
    const tasks = (list: ChangeView['create']) =>
      html`<ul>
        ${list.map(
          ({ unit, tasks }) =>
            html`<li><strong>${unit.name}</strong>（${tasks.length}）：${tasks
              .map(
                (task) => `${task.title} · ${periodText(task.period)} · ${tOf('role_', task.role)}`,
              )
              .join(locale() === 'zh' ? '；' : '; ')}</li>`,
        )}
      </ul>`
    const empty = change.create.length === 0 && change.withdraw.length === 0
    return html`<div class="preview" part="preview" aria-live="polite">
      ${empty ? html`<p class="muted">${t('mem_noChange')}</p>` : nothing}
      ${
        change.create.length
          ? html`<h5>${t(done ? 'mem_created' : 'mem_create')}</h5>
            ${tasks(change.create)}
            <p class="muted">${fill(t('mem_timers'), { n: change.timers })}</p>`
          : nothing
      }
      ${
        change.withdraw.length
          ? html`<h5 class="withdraw">${t(done ? 'mem_withdrawn' : 'mem_withdraw')}</h5>
            ${tasks(change.withdraw)}`
          : nothing
      }
    </div>`
  }

  override render() {
    const view = this.view
    if (!view)
      return this.error
        ? html`<p role="alert" class="error">${this.error}</p>`
        : html`<p class="muted">${pick({ zh: '加载中…', en: 'Loading…' })}</p>`
    const chosenIds = new Set(this.chosen.map((member) => member.id))
    const configIds = new Set(view.units.map((unit) => unit.id))
    return html`
      <div class="head">
        <h4>${fill(t('mem_title'), { group: view.group.name })}</h4>
        <button type="button" @click=${this.handleClose}>${t('close')}</button>
      </div>
      ${
        view.configured.length
          ? html`<p class="muted">${fill(t('mem_configured'), { units: view.configured.map((unit) => unit.name).join('、') })}</p>`
          : nothing
      }
      ${this.chosen.length === 0 ? html`<p class="muted">${t('mem_none')}</p>` : nothing}
      <ul class="members" aria-label=${fill(t('mem_title'), { group: view.group.name })}>
        ${this.chosen.map(
          (member) => html`<li>
            <span>${member.name}</span>
            <span class="tag">${configIds.has(member.id) ? t('mem_configUnit') : t('mem_newUnit')} · ${member.id}</span>
            ${
              view.mayEdit
                ? html`<button type="button" aria-label=${`${t('mem_remove')} ${member.name}`} @click=${() => this.handleRemove(member.id)}>${t('mem_remove')}</button>`
                : nothing
            }
          </li>`,
        )}
      </ul>
      ${view.mayEdit ? this.renderEditing(view, chosenIds) : html`<p class="muted">${t('mem_readOnly')}</p>`}
      ${
        this.error
          ? html`<div role="alert" class="error">
            ${this.error}
            ${
              this.issues.length
                ? html`<ul class="issues">
                  ${this.issues.map((issue) => html`<li>${issue.pointer}：${pick(issue.message)}</li>`)}
                </ul>`
                : nothing
            }
          </div>`
          : nothing
      }
      ${this.preview ? this.renderChange(this.preview, false) : nothing}
      ${
        this.applied
          ? html`<p class="done" role="status">${t('mem_applied')}</p>
            ${this.renderChange(this.applied, true)}`
          : nothing
      }
    `
  }

  private renderEditing(view: MembersView, chosenIds: ReadonlySet<string>) {
    return html`
      <div class="add">
        <label>${t('mem_pick')}
          <select name="pick" @change=${this.handlePick}>
            <option value="">${t('form_choose')}</option>
            ${view.units
              .filter((unit) => !chosenIds.has(unit.id))
              .map((unit) => html`<option value=${unit.id}>${unit.name}</option>`)}
          </select>
        </label>
      </div>
      <form class="add" @submit=${this.handleAddNew}>
        <label>${t('mem_newId')}<input name="id" autocomplete="off" required /></label>
        <label>${t('mem_newName')}<input name="name" autocomplete="off" required maxlength="100" /></label>
        <button type="submit">${t('mem_addNew')}</button>
      </form>
      <div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${this.handlePreview}>${t('mem_preview')}</button>
        <button type="button" class="primary" ?disabled=${this.busy || !this.preview}
          title=${this.preview ? '' : t('mem_previewFirst')} @click=${this.handleApply}>${t('mem_apply')}</button>
      </div>
    `
  }
}
