/**
 * The notification centre (通知): what was sent to the signed-in person's units, newest first and
 * paged, unread ones marked; each links to its task and can be marked read, or all at once.
 *
 * @summary The signed-in person's notifications.
 * @event ls-notifications-read - On window, after marking read, with the unread count left.
 * @csspart list - The list of notifications.
 */
import { html, LitElement, nothing } from 'lit'
import type { NotificationList } from '../../../schemas/api/responses.schema.ts'
import { call, client, pathParams } from '../../api.ts'
import { formatInstant, messageTable } from '../../i18n.ts'
import { LocaleController } from '../../locale-controller.ts'
import type { LsNotificationsReadEvent } from '../../events/ls-notifications-read.ts'
import styles from './notification-list.styles.ts'
import { touchTargets } from '../../touch-targets.ts'

const PAGE = 20

const text = messageTable({
  title: { zh: '通知', en: 'Notifications' },
  unread: { zh: '未读 {count} 条', en: '{count} unread' },
  readAll: { zh: '全部标为已读', en: 'Mark all read' },
  markRead: { zh: '标为已读', en: 'Mark read' },
  read: { zh: '已读', en: 'Read' },
  openTask: { zh: '查看任务', en: 'Open the task' },
  none: { zh: '暂无通知', en: 'No notifications' },
  previous: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  loading: { zh: '加载中…', en: 'Loading…' },
  kind_remind: { zh: '提醒', en: 'Reminder' },
  kind_urge: { zh: '催办', en: 'Urged' },
  kind_supervise: { zh: '督办', en: 'Supervised' },
  kind_circulate: { zh: '通报', en: 'Circulated' },
  kind_returned: { zh: '退回', en: 'Returned' },
  kind_submitted: { zh: '待审核', en: 'To review' },
  'kind_extension-requested': { zh: '延期申请', en: 'Extension asked' },
  'kind_extension-decided': { zh: '延期审批结果', en: 'Extension decided' },
  kind_assigned: { zh: '交办', en: 'Assigned' },
})

type Item = NotificationList['notifications'][number]

export class LsNotificationList extends LitElement {
  static override styles = [styles, touchTargets]
  static override properties = {
    list: { state: true },
    offset: { state: true },
    failure: { state: true },
  }

  declare list: NotificationList | null
  declare offset: number
  declare failure: string | null

  constructor() {
    super()
    this.list = null
    this.offset = 0
    this.failure = null
    this.addController(new LocaleController(this))
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(): Promise<void> {
    try {
      this.list = await call(
        client.notifications.$get({ query: { limit: String(PAGE), offset: String(this.offset) } }),
      )
      this.failure = null
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error)
    }
  }

  private announce(): void {
    const unread = this.list?.unread ?? 0
    window.dispatchEvent(
      new CustomEvent('ls-notifications-read', {
        detail: { unread },
      }) satisfies LsNotificationsReadEvent,
    )
  }

  private async handleMarkRead(item: Item): Promise<void> {
    await call(client.notifications[':id'].read.$post({ param: pathParams({ id: item.id }) }))
    await this.load()
    this.announce()
  }

  private async handleReadAll(): Promise<void> {
    await call(client.notifications['read-all'].$post())
    await this.load()
    this.announce()
  }

  private async handlePage(offset: number): Promise<void> {
    this.offset = Math.max(0, offset)
    await this.load()
  }

  private renderItem(item: Item) {
    const unread = item.readAt === null
    return html`<li class=${unread ? 'unread' : ''} data-id=${item.id}>
      <span class="kind ${item.kind}">${text(`kind_${item.kind}`)}</span>
      <div class="body">
        <div class="message">${item.message}</div>
        <div class="meta">
          ${item.taskTitle ? html`<strong>${item.taskTitle}</strong> · ` : nothing}${item.planName} ·
          ${formatInstant(item.at)}
          ${
            item.taskId
              ? html` · <a href=${`#/tasks/${encodeURIComponent(item.taskId)}`}>${text('openTask')}</a>`
              : nothing
          }
        </div>
      </div>
      ${
        unread
          ? html`<button @click=${() => this.handleMarkRead(item)}>${text('markRead')}</button>`
          : html`<span class="meta">${text('read')}</span>`
      }
    </li>`
  }

  override render() {
    if (this.failure) return html`<p role="alert">${this.failure}</p>`
    const list = this.list
    if (!list) return html`<p>${text('loading')}</p>`
    return html`
      <div class="bar">
        <h2>${text('title')}</h2>
        <span class="count">${text('unread', { count: list.unread })}</span>
        <button ?disabled=${list.unread === 0} @click=${this.handleReadAll}>${text('readAll')}</button>
      </div>
      ${
        list.notifications.length === 0
          ? html`<p>${text('none')}</p>`
          : html`<ul part="list">${list.notifications.map((item) => this.renderItem(item))}</ul>`
      }
      ${
        list.total > PAGE
          ? html`<div class="pager">
            <button ?disabled=${this.offset === 0} @click=${() => this.handlePage(this.offset - PAGE)}>${text('previous')}</button>
            <span>${this.offset / PAGE + 1} / ${Math.ceil(list.total / PAGE)}</span>
            <button ?disabled=${this.offset + PAGE >= list.total} @click=${() => this.handlePage(this.offset + PAGE)}>${text('next')}</button>
          </div>`
          : nothing
      }
    `
  }
}
