/**
 * What the config being edited will produce, in tabs: its deadlines resolved to dates, the task
 * lifecycle and each procedure as diagrams, the report forms rendered live, and the clause
 * coverage of the source document. Shows the last valid version while the text has errors.
 *
 * @summary Previews of a policy config.
 * @event ls-reveal - Re-emitted from the deadline table: `{ pointer }` to show in the YAML.
 * @csspart tabs - The tab list.
 */
import { nameIndex } from '../../../domain/compiler/policy-names.ts'
import { html, LitElement } from 'lit'
import type { AnyStateMachine } from 'xstate'
import type { PolicyConfig } from '../../../schemas/index.ts'
import { compileProcedureMachine } from '../../../domain/workflow/procedure-machine.ts'
import { stepState, TASK_STATES } from '../../../domain/workflow/state-names.ts'
import { taskMachine } from '../../../domain/workflow/task-machine.ts'
import { t } from '../../i18n.ts'
import '../clause-coverage/clause-coverage.ts'
import '../deadline-table/deadline-table.ts'
import '../form-preview/form-preview.ts'
import { LocaleController } from '../../locale-controller.ts'
import '../workflow-diagram/workflow-diagram.ts'
import type { StateLabel } from '../workflow-diagram/workflow-diagram.component.ts'
import styles from './policy-preview.styles.ts'

const TABS = ['deadlines', 'workflow', 'forms', 'coverage'] as const
type Tab = (typeof TABS)[number]

type Procedure = NonNullable<PolicyConfig['procedures']>[number]

export class LsPolicyPreview extends LitElement {
  static override styles = styles
  static override properties = {
    policy: { attribute: false },
    sourceText: { attribute: false },
    stale: { type: Boolean },
    tab: { state: true },
  }

  /** The last valid config, or undefined before the text first validates. */
  declare policy: PolicyConfig | undefined
  /** The source document's text (for coverage). */
  declare sourceText: string
  /** True when the text now has errors and `policy` is the last valid version. */
  declare stale: boolean
  declare tab: Tab

  #procedures:
    | {
        policy: PolicyConfig
        list: Array<{ procedure: Procedure; machine: AnyStateMachine | undefined }>
      }
    | undefined

  constructor() {
    super()
    this.policy = undefined
    this.sourceText = ''
    this.stale = false
    this.tab = 'deadlines'
    this.addController(new LocaleController(this))
  }

  private handleKeydown(event: KeyboardEvent): void {
    const index = TABS.indexOf(this.tab)
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index + TABS.length - 1) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1
    if (next < 0) return
    event.preventDefault()
    this.tab = TABS[next]!
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus(),
    )
  }

  private procedures(policy: PolicyConfig) {
    if (this.#procedures?.policy !== policy) {
      const list = (policy.procedures ?? []).map((procedure) => {
        try {
          return {
            procedure,
            machine: compileProcedureMachine(procedure) as unknown as AnyStateMachine,
          }
        } catch {
          return { procedure, machine: undefined }
        }
      })
      this.#procedures = { policy, list }
    }
    return this.#procedures.list
  }

  private renderWorkflow(policy: PolicyConfig) {
    const taskLabels: Record<string, StateLabel> = Object.fromEntries(
      TASK_STATES.map((state) => [state, { title: t(`state_${state}`), subtitle: state }]),
    )
    const name = nameIndex(policy)
    return html`
      <ls-workflow-diagram .machine=${taskMachine} .labels=${taskLabels} heading=${t('peTaskLifecycle')}></ls-workflow-diagram>
      ${this.procedures(policy).map(({ procedure, machine }) => {
        if (!machine) return ''
        const labels: Record<string, StateLabel> = { done: { title: t('peDone') } }
        for (const step of procedure.steps) {
          const actor = Array.isArray(step.actor)
            ? step.actor.map(name).join('、')
            : t('peUnspecified')
          labels[stepState(step.id)] = {
            title: step.name,
            subtitle: `${actor} · ${t(`peStepKind_${step.kind}`)}`,
          }
        }
        return html`<ls-workflow-diagram .machine=${machine} .labels=${labels} heading="${t('peProcedure')}: ${procedure.name}"></ls-workflow-diagram>`
      })}
    `
  }

  private renderPanel(policy: PolicyConfig) {
    switch (this.tab) {
      case 'deadlines':
        return html`<ls-deadline-table .policy=${policy}></ls-deadline-table>`
      case 'workflow':
        return this.renderWorkflow(policy)
      case 'forms':
        return html`<ls-form-preview .policy=${policy}></ls-form-preview>`
      case 'coverage':
        return html`<ls-clause-coverage .policy=${policy} .sourceText=${this.sourceText}></ls-clause-coverage>`
    }
  }

  override render() {
    return html`
      <div role="tablist" aria-label=${t('pePreviews')} part="tabs" @keydown=${this.handleKeydown}>
        ${TABS.map(
          (
            tab,
          ) => html`<button role="tab" id="tab-${tab}" aria-controls="panel" aria-selected=${tab === this.tab ? 'true' : 'false'}
            tabindex=${tab === this.tab ? 0 : -1} @click=${() => (this.tab = tab)}>${t(`peTab_${tab}`)}</button>`,
        )}
      </div>
      ${this.stale && this.policy ? html`<p class="stale" role="status">${t('peStale')}</p>` : ''}
      <div role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}" tabindex="0">
        ${this.policy ? this.renderPanel(this.policy) : html`<p class="empty">${t('peNoPreview')}</p>`}
      </div>
    `
  }
}
