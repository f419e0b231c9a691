/**
 * Starts a plan from a published version (`POST /api/plans`): an optional name, and members for
 * groups the document leaves open (JSON `{ groupId: [{ id, name }] }`), then links to the plan.
 *
 * @summary Start a plan from a policy version.
 * @event ls-plan-start - Emitted with `{ planId, tasks, unassigned }` after the plan started.
 * @event ls-close - Emitted when the author cancels.
 * @csspart form - The form.
 */
import { html, LitElement } from 'lit'
import type { PropertyValues } from 'lit'
import type { StartPlanBody } from '../../../schemas/api/requests.schema.ts'
import { ApiError, call, client } from '../../api.ts'
import type { StartPlanResult } from '../../api-types.ts'
import type { LsCloseEvent } from '../../events/ls-close.ts'
import type { LsPlanStartEvent } from '../../events/ls-plan-start.ts'
import { pick, t } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './plan-starter.styles.ts'

export class LsPlanStarter extends LitElement {
  static override styles = styles
  static override properties = {
    policyId: { attribute: 'policy-id' },
    version: {},
    busy: { state: true },
    error: { state: true },
    started: { state: true },
  }

  declare policyId: string
  declare version: string
  declare busy: boolean
  declare error: string
  declare started: StartPlanResult | undefined

  constructor() {
    super()
    this.policyId = ''
    this.version = ''
    this.busy = false
    this.error = ''
    this.started = undefined
    this.addController(new LocaleController(this))
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('version') || changed.has('policyId')) {
      this.started = undefined
      this.error = ''
    }
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
    if (membersText) {
      try {
        const parsed = JSON.parse(membersText) as { members?: unknown }
        // Accept either the members object or a whole plan-start.json ({ note, members }).
        body.members = (parsed.members ?? parsed) as NonNullable<StartPlanBody['members']>
      } catch {
        this.error = t('peMembersInvalid')
        return
      }
    }
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

  override render() {
    const started = this.started
    return html`
      <form part="form" @submit=${this.handleSubmit} aria-labelledby="start-title">
        <h4 id="start-title">${t('peStartPlanFor').replace('{policy}', this.policyId).replace('{version}', this.version)}</h4>
        <label>${t('pePlanName')}<input name="name" maxlength="200" placeholder=${t('pePlanNameHint')} /></label>
        <label>${t('peMembers')}
          <textarea name="members" spellcheck="false" aria-describedby="members-hint"></textarea>
          <span class="hint" id="members-hint">${t('peMembersHint')}</span>
        </label>
        ${this.error ? html`<p role="alert" style="white-space: pre-line">${this.error}</p>` : ''}
        ${
          started
            ? html`<p class="done" role="status">${t('pePlanStarted').replace('{tasks}', String(started.tasks))}
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
