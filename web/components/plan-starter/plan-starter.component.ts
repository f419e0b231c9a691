/**
 * Starts a plan from a published version (`POST /api/plans`): an optional name, and members for
 * groups the document leaves open — units of the config ticked per group, and new units as JSON
 * (`{ groupId: [{ id, name }] }`, joined with the ticks) — then links to the plan.
 *
 * @summary Start a plan from a policy version.
 * @event ls-plan-start - Emitted with `{ planId, tasks, unassigned }` after the plan started.
 * @event ls-close - Emitted when the author cancels.
 * @csspart form - The form.
 */
import { html, LitElement } from 'lit'
import type { PropertyValues } from 'lit'
import type { StartPlanBody } from '../../../schemas/api/requests.schema.ts'
import { ApiError, call, client, pathParams } from '../../api.ts'
import type { StartPlanResult } from '../../api-types.ts'
import type { LsCloseEvent } from '../../events/ls-close.ts'
import type { LsPlanStartEvent } from '../../events/ls-plan-start.ts'
import { fill, pick, t } from '../../i18n.ts'
import { LatestOnly } from '../../latest-only.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './plan-starter.styles.ts'

type Member = { id: string; name: string }
type Members = NonNullable<StartPlanBody['members']>

/** The groups of a version that list no members, and the config's units one may tick for them. */
interface OpenGroups {
  groups: Array<Member & { memberSelection?: string }>
  units: Member[]
}

export class LsPlanStarter extends LitElement {
  static override styles = styles
  static override properties = {
    policyId: { attribute: 'policy-id' },
    version: {},
    busy: { state: true },
    error: { state: true },
    started: { state: true },
    open: { state: true },
  }

  declare policyId: string
  declare version: string
  declare busy: boolean
  declare error: string
  declare started: StartPlanResult | undefined
  /** What the version leaves open; undefined until read (or when it cannot be: JSON still works). */
  declare open: OpenGroups | undefined

  readonly #loading = new LatestOnly()

  constructor() {
    super()
    this.policyId = ''
    this.version = ''
    this.busy = false
    this.error = ''
    this.started = undefined
    this.open = undefined
    this.addController(new LocaleController(this))
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('version') || changed.has('policyId')) {
      this.started = undefined
      this.error = ''
      if (this.policyId && this.version) void this.loadGroups(this.policyId, this.version)
    }
  }

  private async loadGroups(policyId: string, version: string): Promise<void> {
    const current = this.#loading.begin()
    this.open = undefined
    try {
      const { config } = await call(
        client.policies[':policyId'].versions[':version'].$get({
          param: pathParams({ policyId, version }),
        }),
      )
      if (!current()) return
      const { units, groups = [] } = config.organizations
      this.open = {
        groups: groups
          // A group of groups takes its members from them; it is not asked for its own.
          .filter((group) => !group.members?.length && !group.groups?.length)
          .map(({ id, name, memberSelection }) => ({
            id,
            name,
            ...(memberSelection ? { memberSelection } : {}),
          })),
        // A unit outside the region gets no tasks, so it cannot be a member.
        units: units.filter((unit) => !unit.external).map(({ id, name }) => ({ id, name })),
      }
    } catch {
      // Without the config there is nothing to tick; the JSON field still names members.
    }
  }

  /** The ticked units of each open group. */
  private picked(data: FormData): Members {
    const picked: Members = {}
    for (const group of this.open?.groups ?? []) {
      const ids = new Set(data.getAll(`member:${group.id}`).map(String))
      const members = (this.open?.units ?? []).filter((unit) => ids.has(unit.id))
      if (members.length) picked[group.id] = members
    }
    return picked
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    const name = String(data.get('name') ?? '').trim()
    const membersText = String(data.get('members') ?? '').trim()
    const body: StartPlanBody = {
      policyId: this.policyId,
      version: this.version,
      ...(name ? { name } : {}),
    }
    let typed: Members = {}
    if (membersText) {
      try {
        const parsed = JSON.parse(membersText) as { members?: unknown }
        // Accept either the members object or a whole plan-start.json ({ note, members }).
        typed = (parsed.members ?? parsed) as Members
      } catch {
        this.error = t('peMembersInvalid')
        return
      }
      if (typeof typed !== 'object' || typed === null || Array.isArray(typed)) {
        this.error = t('peMembersInvalid')
        return
      }
    }
    // The ticked units first, then what the JSON adds to the same group (each id once).
    const members: Members = { ...typed }
    for (const [groupId, ticked] of Object.entries(this.picked(data))) {
      const more = Array.isArray(typed[groupId]) ? typed[groupId] : []
      const ids = new Set(ticked.map((unit) => unit.id))
      members[groupId] = [...ticked, ...more.filter((member) => !ids.has(member.id))]
    }
    if (Object.keys(members).length) body.members = members
    this.busy = true
    this.error = ''
    try {
      this.started = await call(client.plans.$post({ json: body }))
      const { plan, tasks, unassigned } = this.started
      this.dispatchEvent(
        new CustomEvent('ls-plan-start', {
          detail: { planId: plan.id, tasks, unassigned },
          bubbles: true,
          composed: true,
        }) satisfies LsPlanStartEvent,
      )
    } catch (error) {
      this.error =
        error instanceof ApiError
          ? [
              pick(error.text),
              ...(error.details.issues ?? []).map(
                (issue) => `${issue.pointer}: ${pick(issue.message)}`,
              ),
            ].join('\n')
          : String(error)
    } finally {
      this.busy = false
    }
  }

  private handleCancel(): void {
    this.dispatchEvent(
      new CustomEvent('ls-close', { bubbles: true, composed: true }) satisfies LsCloseEvent,
    )
  }

  private renderGroup(group: OpenGroups['groups'][number]) {
    const hint = `${group.id}-hint`
    return html`<fieldset class="group" data-group=${group.id} aria-describedby=${hint}>
      <legend>${fill(t('peGroupMembers'), { group: group.name })}</legend>
      <span class="hint" id=${hint}>${group.memberSelection ? `${group.memberSelection} ` : ''}${t('peGroupMembersHint')}</span>
      <div class="choices">${(this.open?.units ?? []).map(
        (unit) =>
          html`<label class="choice"><input type="checkbox" name="member:${group.id}" value=${unit.id} />${unit.name}</label>`,
      )}</div>
    </fieldset>`
  }

  override render() {
    const started = this.started
    return html`
      <form part="form" @submit=${this.handleSubmit} aria-labelledby="start-title">
        <h4 id="start-title">${t('peStartPlanFor').replace('{policy}', this.policyId).replace('{version}', this.version)}</h4>
        <label>${t('pePlanName')}<input name="name" maxlength="200" placeholder=${t('pePlanNameHint')} /></label>
        ${(this.open?.groups ?? []).map((group) => this.renderGroup(group))}
        <label>${t('peMembers')}
          <textarea name="members" spellcheck="false" aria-describedby="members-hint"></textarea>
          <span class="hint" id="members-hint">${t('peMembersHint')}</span>
        </label>
        ${this.error ? html`<p role="alert" style="white-space: pre-line">${this.error}</p>` : ''}
        ${
          started
            ? html`<p class="done" role="status">${fill(t('pePlanStarted'), { tasks: started.tasks })}
                <a href="#/plans/${encodeURIComponent(started.plan.id)}">${t('peOpenPlan')}</a></p>
              ${started.unassigned.length ? html`<p class="warn">${t('peUnassigned')}: ${started.unassigned.join('、')}</p>` : ''}`
            : ''
        }
        <div class="row">
          ${started ? '' : html`<button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('peStarting') : t('peStartPlan')}</button>`}
          <button class="secondary" type="button" @click=${this.handleCancel}>${started ? t('close') : t('cancel')}</button>
        </div>
      </form>
    `
  }
}
