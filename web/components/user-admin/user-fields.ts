/**
 * @module The inputs the create and edit forms share, and reading them back: name, phone, email,
 * roles, and units — a checkbox per unit of each published policy (grouped by policy, folded on a
 * phone), and a text field for units the catalogue does not list, as `policyId/unitId` lines.
 */
import { html } from 'lit'
import type { TemplateResult } from 'lit'
import { USER_ROLES } from '../../../schemas/api/requests.schema.ts'
import type { CreateUserBody } from '../../../schemas/api/requests.schema.ts'
import type { RegionView, UserView } from '../../../schemas/api/responses.schema.ts'
import { listed, unitKey } from './unit-catalogue.ts'
import type { PolicyUnits } from './unit-catalogue.ts'
import { userText as text } from './user-admin.text.ts'

export type Role = (typeof USER_ROLES)[number]
type Units = NonNullable<CreateUserBody['units']>

/** A role's name in the current language; an unknown role as it is stored. */
export const roleName = (role: string): string =>
  (USER_ROLES as readonly string[]).includes(role) ? text(`role_${role as Role}`) : role

/** The units of a text field, or the 1-based number of the first line that is not `policy/unit`. */
export function parseUnits(value: string): Units | number {
  const units: Units = []
  const lines = value.split(/[\n,，]/).map((line) => line.trim())
  for (const [index, line] of lines.entries()) {
    if (!line) continue
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(line)
    if (!match) return index + 1
    units.push({ policyId: match[1]!, unitId: match[2]! })
  }
  return units
}

/** What the forms read: the create body's fields, with the optional ones as null when empty. */
export interface Fields {
  username: string
  displayName: string
  phone: string | null
  email: string | null
  roles: Role[]
  /** Absent when the form has no region choice (a region administrator's accounts stay in its region). */
  regionId?: string | null
  units: Units
}

/**
 * What the signed-in administrator may choose: the roles it may give, and the regions an account
 * may be put in — null for a region administrator, whose accounts are always in its own region.
 */
export interface FieldScope {
  roles: readonly Role[]
  regions: readonly RegionView[] | null
}

/** A system administrator's choice: every role, every region. */
export const EVERY_CHOICE: FieldScope = { roles: USER_ROLES, regions: [] }

/**
 * The fields of a form: units from the checkboxes, then the text field's; or the 1-based number
 * of the first line of the text field that is not `policy/unit`.
 */
export function readFields(form: HTMLFormElement): Fields | number {
  const data = new FormData(form)
  const typed = parseUnits(String(data.get('units') ?? ''))
  if (typeof typed === 'number') return typed
  const picked = data.getAll('unit').map((value) => {
    const [policyId = '', unitId = ''] = String(value).split(/\/(.*)/s)
    return { policyId, unitId }
  })
  const seen = new Set<string>()
  const units = [...picked, ...typed].filter(
    (unit) => !seen.has(unitKey(unit)) && seen.add(unitKey(unit)),
  )
  const optional = (name: string) => String(data.get(name) ?? '').trim() || null
  return {
    username: String(data.get('username') ?? '').trim(),
    displayName: String(data.get('displayName') ?? '').trim(),
    phone: optional('phone'),
    email: optional('email'),
    roles: data.getAll('roles').map(String) as Role[],
    ...(data.has('regionId') ? { regionId: String(data.get('regionId')) || null } : {}),
    units,
  }
}

/** A region's name for the list; an account above every region says so. */
export const regionName = (regions: readonly RegionView[], regionId: string | null): string =>
  regionId === null
    ? text('regionNone')
    : (regions.find((region) => region.id === regionId)?.name ?? regionId)

/**
 * The inputs, prefilled from an account when editing it.
 * @param errors The messages to show at a field (`''` when none).
 */
export function renderFields(
  catalogue: readonly PolicyUnits[],
  errors: (field: string) => unknown,
  user?: UserView,
  scope: FieldScope = EVERY_CHOICE,
): TemplateResult {
  const roles = new Set<string>(user?.roles ?? [])
  const held = new Set((user?.units ?? []).map(unitKey))
  const other = (user?.units ?? []).filter((unit) => !listed(catalogue, unit))
  const id = user ? `-${user.id}` : ''
  return html`
    <label>${text('displayName')}
      <input name="displayName" required maxlength="200" .value=${user?.displayName ?? ''} />
      ${errors('displayName')}</label>
    <label>${text('phone')}<input name="phone" type="tel" .value=${user?.phone ?? ''} />
      ${errors('phone')}</label>
    <label>${text('email')}<input name="email" type="email" .value=${user?.email ?? ''} />
      ${errors('email')}</label>
    ${
      scope.regions === null
        ? ''
        : html`<label>${text('region')}<select name="regionId">
          <option value="" ?selected=${!user?.regionId}>${text('regionNone')}</option>
          ${scope.regions.map((region) => html`<option value=${region.id} ?selected=${user?.regionId === region.id}>${region.name}</option>`)}
        </select>${errors('regionId')}</label>`
    }
    <fieldset>
      <legend>${text('roles')}</legend>
      ${scope.roles.map(
        (role) =>
          html`<label><input type="checkbox" name="roles" value=${role} .checked=${roles.has(role)} />${text(`role_${role}`)}</label>`,
      )}
      ${errors('roles')}
    </fieldset>
    <fieldset class="units">
      <legend>${text('units')}</legend>
      ${catalogue.map((policy) => {
        const chosen = policy.units.filter((unit) => held.has(unitKey(unit))).length
        return html`<details class="policy-units" data-policy=${policy.policyId} ?open=${chosen > 0}>
          <summary>${policy.title} <small>${text('unitsChosen', { n: chosen })}</small></summary>
          <div class="choices">${policy.units.map(
            (unit) =>
              html`<label><input type="checkbox" name="unit" value=${unitKey(unit)} .checked=${held.has(unitKey(unit))} />${unit.name}</label>`,
          )}</div>
        </details>`
      })}
      <label>${catalogue.length > 0 ? text('unitsOther') : text('units')}
        <textarea name="units" spellcheck="false" aria-describedby="units-hint${id}" .value=${other.map(unitKey).join('\n')}></textarea>
        <span class="hint" id="units-hint${id}">${catalogue.length > 0 ? text('unitsOtherHint') : text('unitsHint')}</span>
      </label>
      ${errors('units')}
    </fieldset>
  `
}
