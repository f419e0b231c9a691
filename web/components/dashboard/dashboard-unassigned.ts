/**
 * @module The dashboard's warning of the work nobody holds: groups with no member and duties with
 * no assignee, so no task exists and no one chases it. Each group offers to set its members
 * (the dashboard opens `ls-members-editor` for it) while the plan still takes members.
 */
import { html, nothing } from 'lit'
import type { PlanProgress } from '../../api-types.ts'
import { locale, t } from '../../i18n.ts'
import { fill } from '../task-table/task-format.ts'
import { paren } from './dashboard-questions.ts'

/** Entries of an unassigned-work list shown unfolded; a longer list starts folded. */
const UNASSIGNED_OPEN_UP_TO = 5

/** Groups with no member and duties with no assignee: work that has no task, so no one chases it. */
export function renderUnassigned(
  progress: PlanProgress,
  editingGroup: string,
  edit: (groupId: string) => void,
) {
  const { groups, duties } = progress.unassigned
  if (groups.length === 0 && duties.length === 0) return nothing
  // A closed or archived plan takes no new members: the warning stays, the button goes.
  const closed = progress.plan.status === 'closed' || progress.plan.status === 'archived'
  const list = (names: string[]) => names.join(locale() === 'zh' ? '、' : ', ')
  // A few entries are shown open; a long list (a region whose groups were all left open) folds.
  const folded = (count: number) => count > UNASSIGNED_OPEN_UP_TO
  return html`<section class="unassigned" aria-labelledby="unassigned-title">
    <h3 id="unassigned-title">${t('dash_unassigned')}</h3>
    <p class="fix">${t('dash_unassignedFix')}</p>
    ${
      groups.length
        ? html`<details class="groups" ?open=${!folded(groups.length)}>
          <summary>${fill(t('dash_unassignedGroups'), { n: groups.length })}</summary>
          <ul>
            ${groups.map(
              (group) => html`<li>
                <strong>${group.name}</strong>${group.duties.length ? html` — ${list(group.duties.map((duty) => duty.name))}` : nothing}
                ${
                  closed
                    ? nothing
                    : html`<button type="button" class="set-members" aria-expanded=${editingGroup === group.id ? 'true' : 'false'}
                  @click=${() => edit(editingGroup === group.id ? '' : group.id)}>${t('dash_setMembers')}</button>`
                }
              </li>`,
            )}
          </ul>
        </details>`
        : nothing
    }

    ${
      duties.length
        ? html`<details class="duties" ?open=${!folded(duties.length)}>
          <summary>${fill(t('dash_unassignedDuties'), { n: duties.length })}</summary>
          <ul>
            ${duties.map((duty) => html`<li>${duty.name}${duty.owners.length ? html` <span class="muted">${paren(fill(t('dash_unassignedLeads'), { owners: list(duty.owners.map((owner) => owner.name)) }))}</span>` : nothing}</li>`)}
          </ul>
        </details>`
        : nothing
    }
  </section>`
}
