/** @module Which accounts the 用户管理 list shows: by name or username, unit, role and status. */
import { html } from 'lit'
import type { TemplateResult } from 'lit'
import { USER_ROLES } from '../../../schemas/api/requests.schema.ts'
import type { UserView } from '../../../schemas/api/responses.schema.ts'
import { unitKey } from './unit-catalogue.ts'
import type { PolicyUnits } from './unit-catalogue.ts'
import { userText as text } from './user-admin.text.ts'
import { roleName } from './user-fields.ts'

/** The list's filter; an empty field filters nothing. */
export interface UserFilter {
  /** Part of the name or username, any case. */
  text: string
  /** A unit as `policyId/unitId`. */
  unit: string
  role: string
  status: '' | 'active' | 'inactive'
}

export const NO_FILTER: UserFilter = { text: '', unit: '', role: '', status: '' }

/** The accounts the filter lets through, in their order. */
export function filterUsers(users: readonly UserView[], filter: UserFilter): UserView[] {
  const needle = filter.text.trim().toLowerCase()
  return users.filter(
    (user) =>
      (needle === '' ||
        user.username.toLowerCase().includes(needle) ||
        user.displayName.toLowerCase().includes(needle)) &&
      (filter.unit === '' || user.units.some((unit) => unitKey(unit) === filter.unit)) &&
      (filter.role === '' || user.roles.includes(filter.role)) &&
      (filter.status === '' || user.active === (filter.status === 'active')),
  )
}

/**
 * The search and filter bar: a search field and a choice of unit, role and status, applied as
 * they change. The units offered are the catalogue's and any an account holds besides.
 */
export function renderFilterBar(options: {
  users: readonly UserView[]
  shown: number
  catalogue: readonly PolicyUnits[]
  filter: UserFilter
  onChange: (filter: UserFilter) => void
}): TemplateResult {
  const { users, shown, catalogue, filter, onChange } = options
  const units = new Map<string, string>()
  for (const policy of catalogue)
    for (const unit of policy.units) units.set(unitKey(unit), unit.name)
  for (const user of users)
    for (const unit of user.units)
      if (!units.has(unitKey(unit))) units.set(unitKey(unit), unitKey(unit))
  const handleChange = (event: Event) => {
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const value = (name: string) => String(data.get(name) ?? '')
    onChange({
      text: value('text'),
      unit: value('unit'),
      role: value('role'),
      status: value('status') as UserFilter['status'],
    })
  }
  return html`<form part="filter" class="filter" role="search" @input=${handleChange} @change=${handleChange} @submit=${(event: Event) => event.preventDefault()}>
    <input type="search" name="text" aria-label=${text('search')} placeholder=${text('search')} .value=${filter.text} />
    <select name="unit" aria-label=${text('units')}>
      <option value="">${text('anyUnit')}</option>
      ${[...units].map(([key, name]) => html`<option value=${key} ?selected=${filter.unit === key}>${name}</option>`)}
    </select>
    <select name="role" aria-label=${text('roles')}>
      <option value="">${text('anyRole')}</option>
      ${USER_ROLES.map((role) => html`<option value=${role} ?selected=${filter.role === role}>${roleName(role)}</option>`)}
    </select>
    <select name="status" aria-label=${text('active')}>
      <option value="">${text('anyStatus')}</option>
      <option value="active" ?selected=${filter.status === 'active'}>${text('isActive')}</option>
      <option value="inactive" ?selected=${filter.status === 'inactive'}>${text('isInactive')}</option>
    </select>
    <button type="reset" @click=${() => onChange(NO_FILTER)}>${text('clearFilter')}</button>
    <span class="hint" role="status">${text('shown', { shown, total: users.length })}</span>
  </form>`
}
