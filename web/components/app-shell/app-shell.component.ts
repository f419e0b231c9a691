/**
 * The application: header with navigation, the signed-in user and the language switch, and the
 * page the route names. Pages are loaded when first shown, so the first load stays small.
 *
 * @summary The luoshi application shell.
 */
import { html, LitElement } from 'lit'
import type { PropertyValues } from 'lit'
import { ApiError, call, client, setCsrfToken } from '../../api.ts'
import type { Me } from '../../api-types.ts'
import { fill, locale, setLocale, t } from '../../i18n.ts'
import { parseRoute } from '../../router.ts'
import type { Route } from '../../router.ts'
import type { LsNotificationsReadEvent } from '../../events/ls-notifications-read.ts'
import styles from './app-shell.styles.ts'

type User = NonNullable<Me['user']>

/** Pages and the module that defines each one's element. */
const PAGES: Record<string, () => Promise<unknown>> = {
  inbox: () => import('../inbox/inbox.ts'),
  task: () => import('../task-page/task-page.ts'),
  dashboard: () => import('../dashboard/dashboard.ts'),
  author: () => import('../policy-editor/policy-editor.ts'),
  assessments: () =>
    Promise.all([
      import('../assessment-list/assessment-list.ts'),
      import('../assessment-run/assessment-run.ts'),
      import('../assessment-report/assessment-report.ts'),
    ]),
  indicators: () => import('../indicator-import/indicator-import.ts'),
  ledger: () => import('../ledger-page/ledger-page.ts'),
  bulletin: () => import('../bulletin-page/bulletin-page.ts'),
  notice: () => import('../supervision-notice/supervision-notice.ts'),
  users: () => import('../user-admin/user-admin.ts'),
  regions: () => import('../region-admin/region-admin.ts'),
  channels: () => import('../notify-channels/notify-channels.ts'),
  notifications: () => import('../notification-list/notification-list.ts'),
}

/** True when the signed-in user holds one of the roles; none while a one-time password must be changed. */
const holds = (user: User | null, ...roles: string[]) =>
  user !== null && !user.mustChangePassword && roles.some((role) => user.roles.includes(role))

export class LsApp extends LitElement {
  static override styles = styles
  static override properties = {
    user: { state: true },
    route: { state: true },
    checked: { state: true },
    unread: { state: true },
  }

  declare user: User | null
  declare route: Route
  declare checked: boolean
  /** The signed-in person's unread notifications, for the header's badge. */
  declare unread: number

  constructor() {
    super()
    this.user = null
    this.route = parseRoute(window.location.hash)
    this.checked = false
    this.unread = 0
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('hashchange', this.handleHashChange)
    window.addEventListener('ls-locale-change', this.handleLocaleChange)
    window.addEventListener('ls-session-end', this.handleSessionEnd)
    window.addEventListener('ls-notifications-read', this.handleNotificationsRead)
    void this.loadUser()
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.handleHashChange)
    window.removeEventListener('ls-locale-change', this.handleLocaleChange)
    window.removeEventListener('ls-session-end', this.handleSessionEnd)
    window.removeEventListener('ls-notifications-read', this.handleNotificationsRead)
    super.disconnectedCallback()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route')) void PAGES[this.route.page]?.()
  }

  private handleHashChange = () => {
    this.route = parseRoute(window.location.hash)
    // Each move to another page counts again: work done meanwhile may have sent notifications.
    void this.loadUnread()
  }

  private handleNotificationsRead = (event: LsNotificationsReadEvent) => {
    this.unread = event.detail.unread
  }

  private async loadUnread(): Promise<void> {
    if (!this.user || this.user.mustChangePassword) return
    try {
      this.unread = (await call(client.notifications['unread-count'].$get())).unread
    } catch {
      // The badge is a hint: a failed count leaves the last one shown, and the page still works.
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('user') && this.user) void this.loadUnread()
  }

  private handleLocaleChange = () => this.requestUpdate()

  // The server answered 401: the session ended (deactivated, timed out, logged out elsewhere).
  // The login form replaces the page; after it, the route's page opens afresh.
  private handleSessionEnd = () => {
    setCsrfToken(null)
    this.user = null
  }

  private async loadUser(): Promise<void> {
    try {
      const me = await call(client.auth.me.$get())
      setCsrfToken(me.csrfToken)
      this.user = me.user ?? null
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error
      this.user = null
    } finally {
      this.checked = true
    }
  }

  private handleLogin = (event: CustomEvent<{ user: User; csrfToken: string }>) => {
    setCsrfToken(event.detail.csrfToken)
    this.user = event.detail.user
  }

  // The server now answers the session's other requests: show the page the route names.
  private handlePasswordChanged = () => {
    if (this.user) this.user = { ...this.user, mustChangePassword: false }
  }

  private async handleLogout(): Promise<void> {
    await call(client.auth.logout.$post())
    setCsrfToken(null)
    this.user = null
  }

  private renderPage() {
    switch (this.route.page) {
      case 'inbox':
        return html`<ls-inbox></ls-inbox>`
      case 'task':
        return html`<ls-task-page task-id=${this.route.id}></ls-task-page>`
      case 'dashboard':
        return html`<ls-dashboard plan-id=${this.route.planId ?? ''}></ls-dashboard>`
      case 'author':
        return html`<ls-policy-editor></ls-policy-editor>`
      case 'assessments': {
        const { planId, assessmentId, year, unitId } = this.route
        if (assessmentId && year && unitId) {
          return html`<ls-assessment-report plan-id=${planId} assessment-id=${assessmentId} year=${year} unit-id=${unitId}></ls-assessment-report>`
        }
        if (assessmentId && year)
          return html`<ls-assessment-run plan-id=${planId} assessment-id=${assessmentId} year=${year}></ls-assessment-run>`
        return html`<ls-assessment-list plan-id=${planId} assessment-id=${assessmentId ?? ''}></ls-assessment-list>`
      }
      case 'indicators':
        return html`<ls-indicator-import plan-id=${this.route.planId}></ls-indicator-import>`
      case 'ledger':
        return html`<ls-ledger-page plan-id=${this.route.planId}></ls-ledger-page>`
      case 'bulletin':
        return html`<ls-bulletin-page plan-id=${this.route.planId}></ls-bulletin-page>`
      case 'notice':
        return html`<ls-supervision-notice plan-id=${this.route.planId} task-id=${this.route.taskId}></ls-supervision-notice>`
      case 'users':
        return holds(this.user, 'admin', 'region-admin')
          ? html`<ls-user-admin></ls-user-admin>`
          : html`<p role="alert">${t('notFound')}</p>`
      case 'regions':
        return holds(this.user, 'admin')
          ? html`<ls-region-admin></ls-region-admin>`
          : html`<p role="alert">${t('notFound')}</p>`
      case 'channels':
        return holds(this.user, 'admin', 'region-admin')
          ? html`<ls-notify-channels></ls-notify-channels>`
          : html`<p role="alert">${t('notFound')}</p>`
      case 'notifications':
        return html`<ls-notification-list></ls-notification-list>`
      default:
        return html`<p role="alert">${t('notFound')}</p>`
    }
  }

  override render() {
    const link = (page: Route['page'], href: string, label: string) =>
      html`<a href=${href} aria-current=${section(this.route.page) === page ? 'page' : 'false'}>${label}</a>`
    return html`
      <header>
        <h1>${t('appName')}</h1>
        <nav aria-label="main">
          ${
            // Pages open to a signed-in user who may use them: none before login or while a
            // one-time password must be changed first.
            this.user && !this.user.mustChangePassword
              ? html`${link('inbox', '#/inbox', t('inbox'))} ${link('dashboard', '#/dashboard', t('dashboard'))}`
              : ''
          }
          ${holds(this.user, 'author', 'admin', 'region-admin') ? link('author', '#/author', t('authoring')) : ''}
          ${holds(this.user, 'admin', 'region-admin') ? link('users', '#/users', t('users')) : ''}
          ${holds(this.user, 'admin') ? link('regions', '#/regions', t('regions')) : ''}
          ${holds(this.user, 'admin', 'region-admin') ? link('channels', '#/channels', t('channels')) : ''}
        </nav>
        <div class="user">
          ${this.user ? html`<a class="bell" href="#/notifications" aria-current=${this.route.page === 'notifications' ? 'page' : 'false'} aria-label=${this.unread > 0 ? fill(t('unreadNotifications'), { count: this.unread }) : t('notifications')}>${t('notifications')}${this.unread > 0 ? html`<span class="badge" aria-hidden="true">${this.unread > 99 ? '99+' : this.unread}</span>` : ''}</a>` : ''}
          ${this.user ? html`<span>${this.user.displayName}</span><button @click=${this.handleLogout}>${t('logout')}</button>` : ''}
          <button @click=${() => setLocale(locale() === 'zh' ? 'en' : 'zh')} lang=${locale() === 'zh' ? 'en' : 'zh'}>${t('language')}</button>
        </div>
      </header>
      <main>
        ${!this.checked ? html`<p>${t('loading')}</p>` : !this.user ? html`<ls-login-form @ls-login=${this.handleLogin}></ls-login-form>` : this.user.mustChangePassword ? html`<ls-password-change @ls-password-changed=${this.handlePasswordChanged}></ls-password-change>` : this.renderPage()}
      </main>
    `
  }
}

/** The nav item a page belongs to: a plan's assessments and indicator import sit under its dashboard. */
function section(page: Route['page']): Route['page'] {
  if (page === 'notice') return 'inbox'
  return page === 'assessments' || page === 'indicators' || page === 'ledger' || page === 'bulletin'
    ? 'dashboard'
    : page
}
