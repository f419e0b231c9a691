/**
 * Regions (地区管理) for system administrators: the regions as a tree, with each one's level,
 * division code and administrators; a form to create a region under a parent; an inline edit; and
 * per region a form naming a new administrator (an account with the role `region-admin` in it),
 * whose one-time password is shown once.
 *
 * @summary Manage regions and name their administrators.
 * @csspart table - The regions table.
 * @csspart create - The create form.
 */
import { html, LitElement, nothing } from 'lit'
import { styleMap } from 'lit/directives/style-map.js'
import { REGION_LEVELS } from '../../../schemas/policy/metadata.schema.ts'
import type { CreateRegionBody } from '../../../schemas/api/requests.schema.ts'
import type { RegionView, UserView } from '../../../schemas/api/responses.schema.ts'
import { ApiError, call, client, pathParams } from '../../api.ts'
import { errorsByField } from '../../errors-by-field.ts'
import { messageTable, pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import '../one-time-secret/one-time-secret.ts'
import styles from './region-admin.styles.ts'

const text = messageTable({
  title: { zh: '地区管理', en: 'Regions' },
  name: { zh: '地区名称', en: 'Name' },
  level: { zh: '层级', en: 'Level' },
  parent: { zh: '上级地区', en: 'Parent region' },
  none: { zh: '（无）', en: '(none)' },
  divisionCode: { zh: '行政区划代码', en: 'Division code' },
  admins: { zh: '地区管理员', en: 'Administrators' },
  noAdmins: { zh: '尚未指定', en: 'None yet' },
  actions: { zh: '操作', en: 'Actions' },
  create: { zh: '新建地区', en: 'New region' },
  edit: { zh: '编辑', en: 'Edit' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  nameAdmin: { zh: '指定管理员', en: 'Name an administrator' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  noRegions: { zh: '暂无地区：先新建一个', en: 'No regions yet: create one' },
  level_province: { zh: '省', en: 'Province' },
  level_municipality: { zh: '直辖市', en: 'Municipality' },
  level_prefecture: { zh: '地级市', en: 'Prefecture' },
  level_county: { zh: '县', en: 'County' },
  level_district: { zh: '区', en: 'District' },
})

type Level = (typeof REGION_LEVELS)[number]

const levelName = (level: string) =>
  (REGION_LEVELS as readonly string[]).includes(level) ? text(`level_${level as Level}`) : level

/** The regions in tree order (each after its parent), with their depth. */
export function treeOrder(
  regions: readonly RegionView[],
): Array<{ region: RegionView; depth: number }> {
  const known = new Set(regions.map((region) => region.id))
  const children = new Map<string | null, RegionView[]>()
  for (const region of regions) {
    const parent = region.parentId !== null && known.has(region.parentId) ? region.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), region])
  }
  const ordered: Array<{ region: RegionView; depth: number }> = []
  const visit = (parent: string | null, depth: number) => {
    for (const region of children.get(parent) ?? []) {
      if (ordered.some((seen) => seen.region.id === region.id)) continue
      ordered.push({ region, depth })
      visit(region.id, depth + 1)
    }
  }
  visit(null, 0)
  return ordered
}

export class LsRegionAdmin extends LitElement {
  static override styles = styles
  static override properties = {
    regions: { state: true },
    admins: { state: true },
    loadError: { state: true },
    errors: { state: true },
    busy: { state: true },
    editing: { state: true },
    naming: { state: true },
    secret: { state: true },
  }

  declare regions: RegionView[] | undefined
  /** Region administrators by region id. */
  declare admins: Map<string, UserView[]>
  declare loadError: string
  /** Messages of the last failed write, by form field (`''` for the whole form). */
  declare errors: Record<string, string[]>
  declare busy: boolean
  /** The region whose row is being edited. */
  declare editing: string
  /** The region an administrator is being named for. */
  declare naming: string
  declare secret: { name: string; password: string } | undefined

  constructor() {
    super()
    this.regions = undefined
    this.admins = new Map()
    this.loadError = ''
    this.errors = {}
    this.busy = false
    this.editing = ''
    this.naming = ''
    this.secret = undefined
    this.addController(new LocaleController(this))
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(): Promise<void> {
    try {
      const [regions, users] = await Promise.all([
        call(client.regions.$get()),
        call(client.users.$get({ query: {} })),
      ])
      this.regions = regions.regions
      const admins = new Map<string, UserView[]>()
      for (const user of users.users)
        if (user.roles.includes('region-admin') && user.regionId !== null)
          admins.set(user.regionId, [...(admins.get(user.regionId) ?? []), user])
      this.admins = admins
      this.loadError = ''
    } catch (error) {
      this.loadError = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  /** Runs a write, keeping its error messages by field; true when it succeeded. */
  private async run(write: () => Promise<void>): Promise<boolean> {
    this.busy = true
    this.errors = {}
    try {
      await write()
      return true
    } catch (error) {
      this.errors = errorsByField(error)
      return false
    } finally {
      this.busy = false
    }
  }

  private readRegion(form: HTMLFormElement): CreateRegionBody {
    const data = new FormData(form)
    const optional = (name: string) => String(data.get(name) ?? '').trim() || null
    return {
      name: String(data.get('name') ?? '').trim(),
      level: String(data.get('level')) as Level,
      parentId: optional('parentId'),
      divisionCode: optional('divisionCode'),
    }
  }

  private async handleCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const body = this.readRegion(form)
    const ok = await this.run(async () => {
      const { region } = await call(client.regions.$post({ json: body }))
      this.regions = [...(this.regions ?? []), region]
    })
    if (ok) form.reset()
  }

  private async handleEdit(event: SubmitEvent, region: RegionView): Promise<void> {
    event.preventDefault()
    const body = this.readRegion(event.target as HTMLFormElement)
    const ok = await this.run(async () => {
      const answer = await call(
        client.regions[':id'].$patch({ param: pathParams({ id: region.id }), json: body }),
      )
      this.regions = (this.regions ?? []).map((each) =>
        each.id === region.id ? answer.region : each,
      )
    })
    if (ok) this.editing = ''
  }

  private async handleNameAdmin(event: SubmitEvent, region: RegionView): Promise<void> {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    const ok = await this.run(async () => {
      const created = await call(
        client.users.$post({
          json: {
            username: String(data.get('username') ?? '').trim(),
            displayName: String(data.get('displayName') ?? '').trim(),
            roles: ['region-admin'],
            regionId: region.id,
          },
        }),
      )
      this.admins = new Map(this.admins).set(region.id, [
        ...(this.admins.get(region.id) ?? []),
        created.user,
      ])
      if ('initialPassword' in created)
        this.secret = { name: created.user.displayName, password: created.initialPassword }
    })
    if (ok) this.naming = ''
  }

  private fieldErrors(field: string) {
    const messages = this.errors[field]
    return messages?.length
      ? html`<span class="field-error" role="alert">${messages.join('\n')}</span>`
      : nothing
  }

  /** Name, level, parent and code, prefilled from a region when editing it. */
  private renderFields(region?: RegionView) {
    const parents = (this.regions ?? []).filter((each) => each.id !== region?.id)
    return html`
      <label>${text('name')}<input name="name" required maxlength="100" .value=${region?.name ?? ''} />
        ${this.fieldErrors('name')}</label>
      <label>${text('level')}<select name="level">
        ${REGION_LEVELS.map((level) => html`<option value=${level} ?selected=${(region?.level ?? 'county') === level}>${levelName(level)}</option>`)}
      </select></label>
      <label>${text('parent')}<select name="parentId">
        <option value="">${text('none')}</option>
        ${treeOrder(parents).map(({ region: each, depth }) => html`<option value=${each.id} ?selected=${region?.parentId === each.id}>${'　'.repeat(depth)}${each.name}</option>`)}
      </select>${this.fieldErrors('parentId')}</label>
      <label>${text('divisionCode')}<input name="divisionCode" inputmode="numeric" pattern="[0-9]{6}" .value=${region?.divisionCode ?? ''} />
        ${this.fieldErrors('divisionCode')}</label>
    `
  }

  private renderRow(region: RegionView, depth: number) {
    if (this.editing === region.id)
      return html`<tr data-region=${region.name}><td colspan="5">
        <form class="edit" @submit=${(event: SubmitEvent) => this.handleEdit(event, region)}>
          ${this.renderFields(region)} ${this.fieldErrors('')}
          <div class="row">
            <button class="primary" type="submit" ?disabled=${this.busy}>${text('save')}</button>
            <button type="button" @click=${() => ((this.editing = ''), (this.errors = {}))}>${text('cancel')}</button>
          </div>
        </form></td></tr>`
    const admins = this.admins.get(region.id) ?? []
    return html`<tr data-region=${region.name}>
      <td data-label=${text('name')} style=${styleMap({ paddingLeft: `${0.5 + depth * 1.2}rem` })}>${region.name}</td>
      <td data-label=${text('level')}>${levelName(region.level)}</td>
      <td data-label=${text('divisionCode')}>${region.divisionCode ?? ''}</td>
      <td data-label=${text('admins')}>${admins.length ? admins.map((user) => `${user.displayName}（${user.username}）`).join('、') : text('noAdmins')}
        ${this.naming === region.id ? this.renderNaming(region) : nothing}</td>
      <td class="actions"><div class="row">
        <button data-action="edit" @click=${() => ((this.editing = region.id), (this.naming = ''), (this.errors = {}))}>${text('edit')}</button>
        <button data-action="name-admin" @click=${() => ((this.naming = region.id), (this.editing = ''), (this.errors = {}))}>${text('nameAdmin')}</button>
      </div></td>
    </tr>`
  }

  private renderNaming(region: RegionView) {
    return html`<form class="naming" @submit=${(event: SubmitEvent) => this.handleNameAdmin(event, region)}>
      <label>${text('username')}<input name="username" required pattern="[a-z0-9._\\-]{3,64}" autocomplete="off" />
        ${this.fieldErrors('username')}</label>
      <label>${text('displayName')}<input name="displayName" required maxlength="100" />
        ${this.fieldErrors('displayName')}</label>
      ${this.fieldErrors('')}
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${text('nameAdmin')}</button>
        <button type="button" @click=${() => ((this.naming = ''), (this.errors = {}))}>${text('cancel')}</button>
      </div>
    </form>`
  }

  override render() {
    const busyRow = this.editing !== '' || this.naming !== ''
    return html`
      <h2>${text('title')}</h2>
      ${this.loadError ? html`<p role="alert">${this.loadError}</p>` : nothing}
      ${
        busyRow
          ? nothing
          : html`<form part="create" class="create" @submit=${this.handleCreate}>
            <h3>${text('create')}</h3>
            ${this.renderFields()} ${this.fieldErrors('')}
            <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${text('create')}</button></div>
          </form>`
      }
      <table part="table">
        <thead><tr><th>${text('name')}</th><th>${text('level')}</th><th>${text('divisionCode')}</th><th>${text('admins')}</th><th>${text('actions')}</th></tr></thead>
        <tbody>
          ${this.regions?.length === 0 ? html`<tr><td colspan="5">${text('noRegions')}</td></tr>` : nothing}
          ${treeOrder(this.regions ?? []).map(({ region, depth }) => this.renderRow(region, depth))}
        </tbody>
      </table>
      <ls-one-time-secret .secret=${this.secret} @ls-close=${() => (this.secret = undefined)}></ls-one-time-secret>
    `
  }
}
