/**
 * Account administration (用户管理) for system administrators: a create form and a bulk import
 * (`ls-user-import`), each folded until opened, and the accounts in a table (cards on a phone) that can be searched and
 * filtered by name or username, unit, role and status. Per account: an edit of its name, roles
 * and units (picked per published policy), a deactivation behind a confirm step, a re-activation,
 * and a password reset. A one-time password the server returns is shown once in a dialog with a
 * copy button; it lives only in this element's state, never in storage.
 *
 * @summary Manage accounts.
 * @csspart table - The accounts table.
 * @csspart create - The create form.
 * @csspart filter - The search and filter bar.
 */
import { html, LitElement, nothing } from 'lit'
import type { CreateUserBody, UpdateUserBody } from '../../../schemas/api/requests.schema.ts'
import type { UserView } from '../../../schemas/api/responses.schema.ts'
import { ApiError, call, client, pathParams } from '../../api.ts'
import { errorsByField } from '../../errors-by-field.ts'
import type { LsUsersImportedEvent } from '../../events/ls-users-imported.ts'
import { pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import '../user-import/user-import.ts'
import { loadUnitCatalogue, unitKey, unitName } from './unit-catalogue.ts'
import type { PolicyUnits } from './unit-catalogue.ts'
import styles from './user-admin.styles.ts'
import { userText as text } from './user-admin.text.ts'
import { EVERY_CHOICE, readFields, regionName, renderFields, roleName } from './user-fields.ts'
import type { FieldScope } from './user-fields.ts'
import { REGION_GRANTABLE_ROLES } from '../../../schemas/api/requests.schema.ts'
import type { RegionView } from '../../../schemas/api/responses.schema.ts'
import '../one-time-secret/one-time-secret.ts'
import { filterUsers, NO_FILTER, renderFilterBar } from './user-filter.ts'
import type { UserFilter } from './user-filter.ts'

export class LsUserAdmin extends LitElement {
  static override styles = styles
  static override properties = {
    users: { state: true },
    scope: { state: true },
    regions: { state: true },
    importRegion: { state: true },
    catalogue: { state: true },
    filter: { state: true },
    loadError: { state: true },
    errors: { state: true },
    busy: { state: true },
    editing: { state: true },
    confirming: { state: true },
    secret: { state: true },
  }

  declare users: UserView[] | undefined
  /** What this administrator may choose for an account (roles, region). */
  declare scope: FieldScope
  /** The regions this administrator reads, for names and choices. */
  declare regions: RegionView[]
  /** The region a system administrator imports into ('' for none). */
  declare importRegion: string
  /** The units of the published policies, for the unit checkboxes and names. */
  declare catalogue: PolicyUnits[]
  declare filter: UserFilter
  declare loadError: string
  /** Messages of the last failed write, by form field (`''` for the whole form). */
  declare errors: Record<string, string[]>
  declare busy: boolean
  /** The id of the account whose row is being edited. */
  declare editing: string
  /** The id of the account whose deactivation waits for a confirm. */
  declare confirming: string
  /** A one-time password to show once; forgotten when the dialog closes. */
  declare secret: { name: string; password: string } | undefined

  constructor() {
    super()
    this.users = undefined
    this.scope = EVERY_CHOICE
    this.regions = []
    this.importRegion = ''
    this.catalogue = []
    this.filter = NO_FILTER
    this.loadError = ''
    this.errors = {}
    this.busy = false
    this.editing = ''
    this.confirming = ''
    this.secret = undefined
    this.addController(new LocaleController(this))
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
    // Without the catalogue the page still works: units are then typed as policyId/unitId.
    loadUnitCatalogue().then(
      (catalogue) => (this.catalogue = catalogue),
      () => undefined,
    )
  }

  private async load(): Promise<void> {
    try {
      const [me, regions, users] = await Promise.all([
        call(client.auth.me.$get()),
        call(client.regions.$get()),
        call(client.users.$get({ query: {} })),
      ])
      this.regions = regions.regions
      this.scope = me.user.roles.includes('admin')
        ? { roles: EVERY_CHOICE.roles, regions: regions.regions }
        : { roles: REGION_GRANTABLE_ROLES, regions: null }
      this.users = users.users
      this.loadError = ''
    } catch (error) {
      this.loadError = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  /**
   * Runs a write, keeping its error messages by field; true when it succeeded.
   * @param conflictField Where a 409 goes: a create's conflict is the taken username, an edit's
   *   (an administrator deactivating or de-admining themselves) belongs to the whole form.
   */
  private async run(write: () => Promise<void>, conflictField = ''): Promise<boolean> {
    this.busy = true
    this.errors = {}
    try {
      await write()
      return true
    } catch (error) {
      this.errors = errorsByField(error, conflictField)
      return false
    } finally {
      this.busy = false
    }
  }

  private replace(user: UserView): void {
    this.users = (this.users ?? []).map((each) => (each.id === user.id ? user : each))
  }

  /** The form's fields, or undefined after showing a units line that is not policy/unit. */
  private fieldsOf(form: HTMLFormElement) {
    const read = readFields(form)
    if (typeof read !== 'number') return read
    this.errors = { units: [text('unitsInvalid', { line: read })] }
    return undefined
  }

  private async handleCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const fields = this.fieldsOf(form)
    if (!fields) return
    const { phone, email, ...rest } = fields
    const body: CreateUserBody = {
      ...rest,
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
    }
    const ok = await this.run(async () => {
      const created = await call(client.users.$post({ json: body }))
      this.users = [...(this.users ?? []), created.user]
      if ('initialPassword' in created)
        this.showSecret(created.user.displayName, created.initialPassword)
    }, 'username')
    if (ok) form.reset()
  }

  private async handleEdit(event: SubmitEvent, user: UserView): Promise<void> {
    event.preventDefault()
    const fields = this.fieldsOf(event.target as HTMLFormElement)
    if (!fields) return
    const { username: _username, ...body } = fields
    await this.patchUser(user, body)
    if (Object.keys(this.errors).length === 0) this.editing = ''
  }

  private handleImported(event: LsUsersImportedEvent): void {
    const ids = new Set((this.users ?? []).map((user) => user.id))
    const added = event.detail.users.filter((user) => !ids.has(user.id))
    this.users = [...(this.users ?? []), ...added].sort((a, b) =>
      a.username.localeCompare(b.username),
    )
  }

  private async patchUser(user: UserView, body: UpdateUserBody): Promise<void> {
    await this.run(async () => {
      const answer = await call(
        client.users[':id'].$patch({ param: pathParams({ id: user.id }), json: body }),
      )
      this.replace(answer.user)
    })
  }

  private async deactivate(user: UserView): Promise<void> {
    this.confirming = ''
    await this.patchUser(user, { active: false })
  }

  private async resetPassword(user: UserView): Promise<void> {
    await this.run(async () => {
      const answer = await call(
        client.users[':id']['password-reset'].$post({ param: pathParams({ id: user.id }) }),
      )
      this.replace(answer.user)
      this.showSecret(answer.user.displayName, answer.oneTimePassword)
    })
  }

  private showSecret(name: string, password: string): void {
    this.secret = { name, password }
  }

  private closeSecret(): void {
    this.secret = undefined
  }

  private fieldErrors = (field: string) => {
    const messages = this.errors[field]
    return messages?.length
      ? html`<span class="field-error" role="alert" id="error-${field || 'form'}">${messages.join('\n')}</span>`
      : nothing
  }

  private renderRow(user: UserView) {
    if (this.editing === user.id) {
      return html`<tr data-user=${user.username}><td colspan="8">
        <form class="edit" @submit=${(event: SubmitEvent) => this.handleEdit(event, user)}>
          <strong>${user.username}</strong>
          ${renderFields(this.catalogue, this.fieldErrors, user, this.scope)} ${this.fieldErrors('')}
          <div class="row">
            <button class="primary" type="submit" ?disabled=${this.busy}>${text('save')}</button>
            <button type="button" @click=${() => ((this.editing = ''), (this.errors = {}))}>${text('cancel')}</button>
          </div>
        </form></td></tr>`
    }
    return html`<tr data-user=${user.username} class=${user.active ? '' : 'inactive'}>
      <td data-label=${text('username')}>${user.username}</td>
      <td data-label=${text('displayName')}>${user.displayName}</td>
      <td data-label=${text('region')}>${regionName(this.regions, user.regionId)}</td>
      <td data-label=${text('roles')}>${user.roles.map(roleName).join('、')}</td>
      <td data-label=${text('units')}>${user.units.map((unit) => html`<span class="unit" title=${unitKey(unit)}>${unitName(this.catalogue, unit)}</span>`)}</td>
      <td data-label=${text('active')}>${user.active ? text('isActive') : text('isInactive')}</td>
      <td data-label=${text('mustChange')}>${user.mustChangePassword ? text('yes') : text('no')}</td>
      <td class="actions">${this.renderActions(user)}</td>
    </tr>`
  }

  private renderActions(user: UserView) {
    // An account holding a role this administrator cannot give (another administrator's) is a
    // system administrator's to change: the server refuses it (403), so nothing is offered.
    if (!user.roles.every((role) => (this.scope.roles as readonly string[]).includes(role)))
      return html`<span data-action="none">${text('notYours')}</span>`
    if (!user.active)
      return html`<button data-action="reactivate" ?disabled=${this.busy} @click=${() => this.patchUser(user, { active: true })}>${text('reactivate')}</button>`
    if (this.confirming === user.id) {
      return html`<span role="alert">${text('confirmDeactivate', { name: user.displayName })}</span>
        <div class="row">
          <button class="danger" data-action="confirm" @click=${() => this.deactivate(user)}>${text('confirm')}</button>
          <button @click=${() => (this.confirming = '')}>${text('cancel')}</button>
        </div>`
    }
    return html`<div class="row">
      <button data-action="edit" @click=${() => ((this.editing = user.id), (this.errors = {}))}>${text('edit')}</button>
      <button data-action="reset" ?disabled=${this.busy} @click=${() => this.resetPassword(user)}>${text('reset')}</button>
      <button class="danger" data-action="deactivate" @click=${() => (this.confirming = user.id)}>${text('deactivate')}</button>
    </div>`
  }

  override render() {
    const editingRow = this.editing !== ''
    const users = this.users ?? []
    const shown = filterUsers(users, this.filter)
    return html`
      <h2>${text('title')}</h2>
      ${this.loadError ? html`<p role="alert">${this.loadError}</p>` : nothing}
      ${!editingRow ? this.fieldErrors('') : nothing}
      ${
        editingRow
          ? nothing
          : html`<details class="panel" data-panel="create">
        <summary>${text('create')}</summary>
        <form part="create" class="create" @submit=${this.handleCreate}>
        <label>${text('username')}
          <input name="username" required pattern="[a-z0-9._\\-]{3,64}" autocomplete="off" />
          ${this.fieldErrors('username')}</label>
        ${renderFields(this.catalogue, this.fieldErrors, undefined, this.scope)}
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? text('creating') : text('create')}</button>
        </div>
      </form></details>`
      }
      <details class="panel" data-panel="import">
        <summary>${text('bulkImport')}</summary>
        ${
          this.scope.regions === null
            ? nothing
            : html`<label class="import-region">${text('importRegion')}<select @change=${(event: Event) => (this.importRegion = (event.target as HTMLSelectElement).value)}>
              <option value="">${text('regionNone')}</option>
              ${this.scope.regions.map((region) => html`<option value=${region.id} ?selected=${this.importRegion === region.id}>${region.name}</option>`)}
            </select></label>`
        }
        <ls-user-import .regionId=${this.importRegion || null} @ls-users-imported=${this.handleImported}></ls-user-import>
      </details>
      ${renderFilterBar({
        users,
        shown: shown.length,
        catalogue: this.catalogue,
        filter: this.filter,
        onChange: (filter) => (this.filter = filter),
      })}
      <table part="table">
        <thead><tr>
          <th>${text('username')}</th><th>${text('displayName')}</th><th>${text('region')}</th><th>${text('roles')}</th>
          <th>${text('units')}</th><th>${text('active')}</th><th>${text('mustChange')}</th><th>${text('actions')}</th>
        </tr></thead>
        <tbody>
          ${this.users?.length === 0 ? html`<tr><td colspan="8">${text('noUsers')}</td></tr>` : nothing}
          ${users.length > 0 && shown.length === 0 ? html`<tr><td colspan="8">${text('noMatch')}</td></tr>` : nothing}
          ${shown.map((user) => this.renderRow(user))}
        </tbody>
      </table>
      <ls-one-time-secret .secret=${this.secret} @ls-close=${this.closeSecret}></ls-one-time-secret>
    `
  }
}
