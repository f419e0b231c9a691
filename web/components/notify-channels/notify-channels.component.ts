/**
 * 通知渠道 for region administrators: per unit, where luoshi's notifications are also delivered —
 * an e-mail address, a 钉钉 group robot (webhook and signing secret) or a 企业微信 group robot.
 * A system administrator picks the region first; a region administrator gets their own. Webhook
 * tokens and secrets come back masked: a secret left empty is kept as it is.
 *
 * @summary Configure a region's notification channels.
 * @csspart table - The channels table.
 */
import { html, LitElement, nothing } from 'lit'
import type { RegionChannelsBody } from '../../../schemas/api/requests.schema.ts'
import type { ChannelView, RegionView } from '../../../schemas/api/responses.schema.ts'
import { ApiError, call, client, pathParams } from '../../api.ts'
import { errorsByRow } from '../../errors-by-field.ts'
import { messageTable, pick } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import { loadUnitCatalogue } from '../user-admin/unit-catalogue.ts'
import styles from './notify-channels.styles.ts'

const text = messageTable({
  title: { zh: '通知渠道', en: 'Notification channels' },
  intro: {
    zh: '为各单位设置站外送达方式：通知除在系统内显示外，还发送到这里填写的邮箱或群机器人。',
    en: 'Where each unit is also reached outside luoshi: notifications go to the address or group robot given here.',
  },
  region: { zh: '地区', en: 'Region' },
  pickRegion: { zh: '（请选择地区）', en: '(choose a region)' },
  unit: { zh: '单位', en: 'Unit' },
  kind: { zh: '渠道', en: 'Channel' },
  target: { zh: '邮箱或 Webhook 地址', en: 'Address or webhook URL' },
  secret: { zh: '加签密钥', en: 'Signing secret' },
  secretKept: {
    zh: '已设置（{masked}），留空则保留',
    en: 'Set ({masked}); leave empty to keep it',
  },
  secretNone: { zh: '仅钉钉加签时填写', en: 'Only for a signed DingTalk robot' },
  actions: { zh: '操作', en: 'Actions' },
  kind_email: { zh: '邮件', en: 'E-mail' },
  kind_dingtalk: { zh: '钉钉群机器人', en: 'DingTalk robot' },
  kind_wecom: { zh: '企业微信群机器人', en: 'WeCom robot' },
  add: { zh: '添加渠道', en: 'Add a channel' },
  remove: { zh: '删除', en: 'Remove' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
  none: { zh: '尚未设置通知渠道', en: 'No channels yet' },
})

const KINDS = ['email', 'dingtalk', 'wecom'] as const
type Kind = (typeof KINDS)[number]

/** A row of the form: a stored channel (with its `id` and masked values) or a new one. */
interface Row {
  key: number
  id?: string
  unit: string
  kind: Kind
  target: string
  /** The target as answered, for a stored channel: unchanged, it is left out of the save. */
  shownTarget?: string
  /** The stored secret, masked; null when none. */
  maskedSecret: string | null
  secret: string
}

/** A unit the select offers: its id and name. */
interface UnitOption {
  id: string
  name: string
}

let nextKey = 0

const rowOf = (channel: ChannelView): Row => ({
  key: nextKey++,
  id: channel.id,
  unit: channel.unit,
  kind: channel.kind,
  target: channel.target,
  shownTarget: channel.target,
  maskedSecret: channel.secret,
  secret: '',
})

/** The body a save sends: a stored channel's unchanged target and empty secret are left out (kept). */
export function channelsBody(rows: readonly Row[]): RegionChannelsBody {
  return {
    channels: rows.map((row) => {
      const target = row.target.trim()
      const secret = row.secret.trim()
      return {
        ...(row.id === undefined ? {} : { id: row.id }),
        unit: row.unit,
        kind: row.kind,
        ...(row.id !== undefined && target === row.shownTarget ? {} : target ? { target } : {}),
        ...(secret ? { secret } : {}),
      }
    }),
  }
}

export class LsNotifyChannels extends LitElement {
  static override styles = styles
  static override properties = {
    regions: { state: true },
    regionId: { state: true },
    ownRegion: { state: true },
    units: { state: true },
    rows: { state: true },
    loadError: { state: true },
    errors: { state: true },
    busy: { state: true },
    saved: { state: true },
  }

  declare regions: RegionView[]
  declare regionId: string
  /** The signed-in administrator's region; null above every region (a system administrator). */
  declare ownRegion: string | null | undefined
  declare units: UnitOption[]
  declare rows: Row[] | undefined
  declare loadError: string
  /** Messages of the last failed save, by row index (`''` for the whole form). */
  declare errors: Record<string, string[]>
  declare busy: boolean
  declare saved: boolean

  constructor() {
    super()
    this.regions = []
    this.regionId = ''
    this.ownRegion = undefined
    this.units = []
    this.rows = undefined
    this.loadError = ''
    this.errors = {}
    this.busy = false
    this.saved = false
    this.addController(new LocaleController(this))
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.start()
  }

  private async start(): Promise<void> {
    try {
      const [me, regions] = await Promise.all([
        call(client.auth.me.$get()),
        call(client.regions.$get()),
      ])
      this.regions = regions.regions
      this.ownRegion = me.user?.regionId ?? null
      if (this.ownRegion !== null && me.user?.roles.includes('region-admin'))
        await this.open(this.ownRegion)
    } catch (error) {
      this.loadError = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  /** Loads a region's channels and the units of its published policies. */
  private async open(regionId: string): Promise<void> {
    this.regionId = regionId
    this.rows = undefined
    this.errors = {}
    this.saved = false
    if (!regionId) return
    try {
      const region = this.regions.find((each) => each.id === regionId)
      const [{ channels }, catalogue] = await Promise.all([
        call(client.regions[':id'].channels.$get({ param: pathParams({ id: regionId }) })),
        loadUnitCatalogue(),
      ])
      const units = new Map<string, string>()
      // A policy published into a region names that region in its metadata.
      for (const policy of catalogue)
        if (region === undefined || policy.region === region.name)
          for (const unit of policy.units)
            if (!units.has(unit.unitId)) units.set(unit.unitId, unit.name)
      this.units = [...units].map(([id, name]) => ({ id, name }))
      this.rows = channels.map(rowOf)
      this.loadError = ''
    } catch (error) {
      this.loadError = error instanceof ApiError ? pick(error.text) : String(error)
    }
  }

  private change(key: number, patch: Partial<Row>): void {
    this.rows = (this.rows ?? []).map((row) => (row.key === key ? { ...row, ...patch } : row))
    this.saved = false
  }

  private addRow(): void {
    this.rows = [
      ...(this.rows ?? []),
      {
        key: nextKey++,
        unit: this.units[0]?.id ?? '',
        kind: 'email',
        target: '',
        maskedSecret: null,
        secret: '',
      },
    ]
    this.saved = false
  }

  private removeRow(key: number): void {
    this.rows = (this.rows ?? []).filter((row) => row.key !== key)
    this.saved = false
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const rows = this.rows ?? []
    this.busy = true
    this.errors = {}
    try {
      const { channels } = await call(
        client.regions[':id'].channels.$put({
          param: pathParams({ id: this.regionId }),
          json: channelsBody(rows),
        }),
      )
      this.rows = channels.map(rowOf)
      this.saved = true
    } catch (error) {
      this.errors = errorsByRow(error, 'channels')
    } finally {
      this.busy = false
    }
  }

  private rowErrors(index: string) {
    const messages = this.errors[index]
    return messages?.length
      ? html`<span class="field-error" role="alert">${messages.join('\n')}</span>`
      : nothing
  }

  private renderRow(row: Row, index: number) {
    const units = this.units.some((unit) => unit.id === row.unit)
      ? this.units
      : [...this.units, { id: row.unit, name: row.unit }]
    return html`<tr data-channel=${index} data-kind=${row.kind}>
      <td data-label=${text('unit')}><select aria-label=${text('unit')} @change=${(e: Event) => this.change(row.key, { unit: (e.target as HTMLSelectElement).value })}>
        ${units.map((unit) => html`<option value=${unit.id} ?selected=${unit.id === row.unit}>${unit.name}</option>`)}
      </select></td>
      <td data-label=${text('kind')}><select aria-label=${text('kind')} ?disabled=${row.id !== undefined} @change=${(e: Event) => this.change(row.key, { kind: (e.target as HTMLSelectElement).value as Kind })}>
        ${KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === row.kind}>${text(`kind_${kind}`)}</option>`)}
      </select></td>
      <td data-label=${text('target')}><input aria-label=${text('target')} maxlength="2000" autocomplete="off" .value=${row.target}
        @input=${(e: Event) => this.change(row.key, { target: (e.target as HTMLInputElement).value })} />
        ${this.rowErrors(String(index))}</td>
      <td data-label=${text('secret')}><input aria-label=${text('secret')} type="password" maxlength="500" autocomplete="new-password" .value=${row.secret}
        placeholder=${row.maskedSecret ? text('secretKept', { masked: row.maskedSecret }) : text('secretNone')}
        @input=${(e: Event) => this.change(row.key, { secret: (e.target as HTMLInputElement).value })} /></td>
      <td class="actions"><button type="button" class="danger" @click=${() => this.removeRow(row.key)}>${text('remove')}</button></td>
    </tr>`
  }

  private renderRegionPick() {
    if (this.ownRegion === undefined || (this.ownRegion !== null && this.regionId)) return nothing
    return html`<label class="region">${text('region')}<select @change=${(e: Event) => this.open((e.target as HTMLSelectElement).value)}>
      <option value="">${text('pickRegion')}</option>
      ${this.regions.map((region) => html`<option value=${region.id} ?selected=${region.id === this.regionId}>${region.name}</option>`)}
    </select></label>`
  }

  override render() {
    const rows = this.rows
    return html`
      <h2>${text('title')}</h2>
      <p class="hint">${text('intro')}</p>
      ${this.loadError ? html`<p role="alert">${this.loadError}</p>` : nothing}
      ${this.renderRegionPick()}
      ${
        rows === undefined
          ? nothing
          : html`<form @submit=${this.save}>
          <table part="table">
            <thead><tr><th>${text('unit')}</th><th>${text('kind')}</th><th>${text('target')}</th><th>${text('secret')}</th><th>${text('actions')}</th></tr></thead>
            <tbody>
              ${rows.length === 0 ? html`<tr><td colspan="5">${text('none')}</td></tr>` : nothing}
              ${rows.map((row, index) => this.renderRow(row, index))}
            </tbody>
          </table>
          ${this.rowErrors('')}
          <div class="row">
            <button type="button" @click=${this.addRow}>${text('add')}</button>
            <button class="primary" type="submit" ?disabled=${this.busy}>${text('save')}</button>
            ${this.saved ? html`<span role="status">${text('saved')}</span>` : nothing}
          </div>
        </form>`
      }
    `
  }
}
