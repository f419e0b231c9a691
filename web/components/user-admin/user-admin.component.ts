/**
 * Account administration (用户管理) for system administrators: the accounts in a table (cards on a
 * phone), a create form, and per account an edit of its name, roles and units, a deactivation
 * behind a confirm step, and a password reset. A one-time password the server returns is shown
 * once in a dialog with a copy button; it lives only in this element's state, never in storage.
 *
 * @summary Manage accounts.
 * @csspart table - The accounts table.
 * @csspart create - The create form.
 */
import { html, LitElement, nothing } from 'lit'
import { USER_ROLES } from '../../../schemas/api/requests.schema.ts'
import type { CreateUserBody, UpdateUserBody } from '../../../schemas/api/requests.schema.ts'
import type { UserView } from '../../../schemas/api/responses.schema.ts'
import { ApiError, call, client, pathParams } from '../../api.ts'
import { messageTable, pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import styles from './user-admin.styles.ts'

const text = messageTable({
  title: { zh: '用户管理', en: 'Accounts' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  phone: { zh: '手机', en: 'Phone' },
  email: { zh: '电子邮箱', en: 'Email' },
  roles: { zh: '角色', en: 'Roles' },
  units: { zh: '所属单位', en: 'Units' },
  unitsHint: {
    zh: '每行一个，写作 政策ID/单位ID，如 demo-policy/office',
    en: 'One a line, as policyId/unitId, e.g. demo-policy/office',
  },
  unitsInvalid: {
    zh: '第 {line} 行应写作 政策ID/单位ID',
    en: 'Line {line} should read policyId/unitId',
  },
  active: { zh: '状态', en: 'Status' },
  isActive: { zh: '启用', en: 'Active' },
  isInactive: { zh: '已停用', en: 'Deactivated' },
  mustChange: { zh: '须改密码', en: 'Must change password' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  actions: { zh: '操作', en: 'Actions' },
  edit: { zh: '编辑', en: 'Edit' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  deactivate: { zh: '停用', en: 'Deactivate' },
  confirmDeactivate: {
    zh: '确定停用 {name}？其会话将立即结束。',
    en: 'Deactivate {name}? Their sessions end at once.',
  },
  confirm: { zh: '确认停用', en: 'Deactivate' },
  reset: { zh: '重置密码', en: 'Reset password' },
  create: { zh: '新建用户', en: 'New account' },
  creating: { zh: '创建中…', en: 'Creating…' },
  noUsers: { zh: '暂无用户', en: 'No accounts' },
  role_author: { zh: '政策配置', en: 'Author' },
  role_department: { zh: '责任单位', en: 'Department' },
  role_reviewer: { zh: '审核', en: 'Reviewer' },
  role_leader: { zh: '领导', en: 'Leader' },
  role_admin: { zh: '系统管理员', en: 'Administrator' },
  'role_region-admin': { zh: '地区管理员', en: 'Region administrator' },
  secretTitle: { zh: '{name} 的一次性密码', en: 'One-time password of {name}' },
  secretWarning: {
    zh: '此密码只显示这一次，关闭后无法再查看。请当面或通过安全渠道交给本人；首次登录须修改密码。',
    en: 'This password is shown this once and cannot be seen again after closing. Hand it over in person or by a safe channel; it must be changed at first login.',
  },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  close: { zh: '关闭', en: 'Close' },
})

type Role = (typeof USER_ROLES)[number]
type Units = NonNullable<CreateUserBody['units']>

/** Units as the textarea shows them: `policyId/unitId`, one a line. */
const unitsText = (units: UserView['units']) =>
  units.map((unit) => `${unit.policyId}/${unit.unitId}`).join('\n')

/** The units of a textarea, or the 1-based number of the first line that is not `policy/unit`. */
function parseUnits(value: string): Units | number {
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

/** The form field an issue's pointer names (`/units/0/unitId` → `units`), or `''` for the form. */
const fieldOf = (pointer: string) => pointer.split('/')[1] ?? ''

export class LsUserAdmin extends LitElement {
  static override styles = styles
  static override properties = {
    users: { state: true },
    loadError: { state: true },
    errors: { state: true },
    busy: { state: true },
    editing: { state: true },
    confirming: { state: true },
    secret: { state: true },
    copied: { state: true },
  }

  declare users: UserView[] | undefined
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
  declare copied: boolean

  constructor() {
    super()
    this.users = undefined
    this.loadError = ''
    this.errors = {}
    this.busy = false
    this.editing = ''
    this.confirming = ''
    this.secret = undefined
    this.copied = false
    this.addController(new LocaleController(this))
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(): Promise<void> {
    try {
      this.users = (await call(client.users.$get({ query: {} }))).users
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
      const errors: Record<string, string[]> = {}
      const add = (field: string, message: string) => (errors[field] ??= []).push(message)
      if (error instanceof ApiError) {
        const issues = error.details.issues ?? []
        if (issues.length === 0) add(error.status === 409 ? conflictField : '', pick(error.text))
        else add('', pick(error.text))
        for (const issue of issues) add(fieldOf(issue.pointer), pick(issue.message))
      } else add('', String(error))
      this.errors = errors
      return false
    } finally {
      this.busy = false
    }
  }

  private replace(user: UserView): void {
    this.users = (this.users ?? []).map((each) => (each.id === user.id ? user : each))
  }

  /** The fields shared by create and edit, read from a form; undefined after a units error. */
  private readFields(form: HTMLFormElement) {
    const data = new FormData(form)
    const units = parseUnits(String(data.get('units') ?? ''))
    if (typeof units === 'number') {
      this.errors = { units: [text('unitsInvalid', { line: units })] }
      return undefined
    }
    const optional = (name: string) => String(data.get(name) ?? '').trim() || null
    return {
      username: String(data.get('username') ?? '').trim(),
      displayName: String(data.get('displayName') ?? '').trim(),
      phone: optional('phone'),
      email: optional('email'),
      roles: data.getAll('roles').map(String) as Role[],
      units,
    }
  }

  private async handleCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const fields = this.readFields(form)
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
    const fields = this.readFields(event.target as HTMLFormElement)
    if (!fields) return
    const { username: _username, ...body } = fields
    await this.patchUser(user, body)
    if (Object.keys(this.errors).length === 0) this.editing = ''
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
    this.copied = false
    this.secret = { name, password }
  }

  private async copySecret(): Promise<void> {
    if (!this.secret) return
    try {
      await navigator.clipboard.writeText(this.secret.password)
      this.copied = true
    } catch {
      // No clipboard (a page not served securely, or permission refused): the password stays
      // selectable in the dialog, so the button just does not claim a copy.
      this.copied = false
    }
  }

  private closeSecret(): void {
    this.secret = undefined
    this.copied = false
  }

  private fieldErrors(field: string) {
    const messages = this.errors[field]
    return messages?.length
      ? html`<span class="field-error" role="alert" id="error-${field || 'form'}">${messages.join('\n')}</span>`
      : nothing
  }

  /** The inputs create and edit share, prefilled from an account when editing it. */
  private renderFields(user?: UserView) {
    const roles = new Set<string>(user?.roles ?? [])
    return html`
      <label>${text('displayName')}
        <input name="displayName" required maxlength="200" .value=${user?.displayName ?? ''} />
        ${this.fieldErrors('displayName')}</label>
      <label>${text('phone')}<input name="phone" type="tel" .value=${user?.phone ?? ''} />
        ${this.fieldErrors('phone')}</label>
      <label>${text('email')}<input name="email" type="email" .value=${user?.email ?? ''} />
        ${this.fieldErrors('email')}</label>
      <fieldset>
        <legend>${text('roles')}</legend>
        ${USER_ROLES.map(
          (role) =>
            html`<label><input type="checkbox" name="roles" value=${role} .checked=${roles.has(role)} />${text(`role_${role}`)}</label>`,
        )}
        ${this.fieldErrors('roles')}
      </fieldset>
      <label>${text('units')}
        <textarea name="units" spellcheck="false" aria-describedby="units-hint" .value=${unitsText(user?.units ?? [])}></textarea>
        <span class="hint" id="units-hint">${text('unitsHint')}</span>
        ${this.fieldErrors('units')}</label>
    `
  }

  private renderRow(user: UserView) {
    if (this.editing === user.id) {
      return html`<tr data-user=${user.username}><td colspan="7">
        <form class="edit" @submit=${(event: SubmitEvent) => this.handleEdit(event, user)}>
          <strong>${user.username}</strong>
          ${this.renderFields(user)} ${this.fieldErrors('')}
          <div class="row">
            <button class="primary" type="submit" ?disabled=${this.busy}>${text('save')}</button>
            <button type="button" @click=${() => ((this.editing = ''), (this.errors = {}))}>${text('cancel')}</button>
          </div>
        </form></td></tr>`
    }
    return html`<tr data-user=${user.username} class=${user.active ? '' : 'inactive'}>
      <td data-label=${text('username')}>${user.username}</td>
      <td data-label=${text('displayName')}>${user.displayName}</td>
      <td data-label=${text('roles')}>${user.roles.map((role) => ((USER_ROLES as readonly string[]).includes(role) ? text(`role_${role as Role}`) : role)).join('、')}</td>
      <td data-label=${text('units')}>${user.units.map((unit) => `${unit.policyId}/${unit.unitId}`).join('、')}</td>
      <td data-label=${text('active')}>${user.active ? text('isActive') : text('isInactive')}</td>
      <td data-label=${text('mustChange')}>${user.mustChangePassword ? text('yes') : text('no')}</td>
      <td class="actions">${user.active ? this.renderActions(user) : nothing}</td>
    </tr>`
  }

  private renderActions(user: UserView) {
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

  private renderSecret() {
    const secret = this.secret
    if (!secret) return nothing
    return html`<dialog open role="alertdialog" aria-modal="true" aria-labelledby="secret-title">
      <h3 id="secret-title">${text('secretTitle', { name: secret.name })}</h3>
      <p class="secret" data-secret>${secret.password}</p>
      <p class="warn">${text('secretWarning')}</p>
      <div class="row">
        <button @click=${this.copySecret}>${this.copied ? text('copied') : text('copy')}</button>
        <button class="primary" data-action="close" @click=${this.closeSecret}>${text('close')}</button>
      </div>
    </dialog>`
  }

  override render() {
    const editingRow = this.editing !== ''
    return html`
      <h2>${text('title')}</h2>
      ${this.loadError ? html`<p role="alert">${this.loadError}</p>` : nothing}
      ${!editingRow ? this.fieldErrors('') : nothing}
      ${
        editingRow
          ? nothing
          : html`<form part="create" class="create" @submit=${this.handleCreate}>
        <h3>${text('create')}</h3>
        <label>${text('username')}
          <input name="username" required pattern="[a-z0-9._\\-]{3,64}" autocomplete="off" />
          ${this.fieldErrors('username')}</label>
        ${this.renderFields()}
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? text('creating') : text('create')}</button>
        </div>
      </form>`
      }
      <table part="table">
        <thead><tr>
          <th>${text('username')}</th><th>${text('displayName')}</th><th>${text('roles')}</th>
          <th>${text('units')}</th><th>${text('active')}</th><th>${text('mustChange')}</th><th>${text('actions')}</th>
        </tr></thead>
        <tbody>
          ${this.users?.length === 0 ? html`<tr><td colspan="7">${text('noUsers')}</td></tr>` : nothing}
          ${(this.users ?? []).map((user) => this.renderRow(user))}
        </tbody>
      </table>
      ${this.renderSecret()}
    `
  }
}
