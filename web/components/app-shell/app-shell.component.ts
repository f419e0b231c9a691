/**
 * The application: header with navigation, the signed-in user and the language switch, and the
 * page the route names. Pages are loaded when first shown, so the first load stays small.
 *
 * @summary The luoshi application shell.
 */
import { html, LitElement } from 'lit'
import type { PropertyValues } from 'lit'
import { call, client, setCsrfToken } from '../../api.ts'
import type { SessionState } from '../../api-types.ts'
import { landingPath } from '../../landing.ts'
import { fill, locale, setLocale, t } from '../../i18n.ts'
import { parseRoute } from '../../router.ts'
import type { Route } from '../../router.ts'
import type { LsNotificationsReadEvent } from '../../events/ls-notifications-read.ts'
import styles from './app-shell.styles.ts'
import { touchTargets } from '../../touch-targets.ts'

type User = NonNullable<SessionState['user']>
type Assessing = SessionState['assessing']

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
  static override styles = [styles, touchTargets]
  static override properties = {
    user: { state: true },
    route: { state: true },
    checked: { state: true },
    unread: { state: true },
    assessing: { state: true },
  }

  declare user: User | null
  declare route: Route
  declare checked: boolean
  /** The signed-in person's unread notifications, for the header's badge. */
  declare unread: number
  /** The assessments the user's units run (for 考核 and the landing page); null until known. */
  declare assessing: Assessing | null

  constructor() {
    super()
    this.user = null
    this.route = parseRoute(window.location.hash)
    this.checked = false
    this.unread = 0
    this.assessing = null
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
    this.land()
  }

  /** `#/` opens the landing page of the user's role once the user and their assessments are known. */
  private land(): void {
    if (this.route.page !== 'home' || !this.user || this.user.mustChangePassword) return
    if (this.assessing === null) return
    window.location.replace(`#${landingPath(this.user, this.assessing)}`)
  }

  private handleLocaleChange = () => this.requestUpdate()

  // The server answered 401: the session ended (deactivated, timed out, logged out elsewhere).
  // The login form replaces the page; after it, the route's page opens afresh.
  private handleSessionEnd = () => {
    setCsrfToken(null)
    this.user = null
  }

  // The session route answers 200 whether or not anyone is signed in: nothing the app asks
  // before login fails (no 401 in the console), and no page loads until a user is known.
  private async loadUser(): Promise<void> {
    try {
      const state = await call(client.auth.session.$get())
      setCsrfToken(state.csrfToken)
      this.user = state.user
      this.assessing = state.user && !state.user.mustChangePassword ? state.assessing : null
    } finally {
      this.checked = true
    }
  }

  private handleLogin = (event: CustomEvent<{ user: User; csrfToken: string }>) => {
    setCsrfToken(event.detail.csrfToken)
    this.user = event.detail.user
    this.assessing = null
    if (!event.detail.user.mustChangePassword) void this.loadUser()
  }

  // The server now answers the session's other requests: show the page the route names.
  private handlePasswordChanged = () => {
    if (this.user) this.user = { ...this.user, mustChangePassword: false }
    void this.loadUser()
  }

  private async handleLogout(): Promise<void> {
    await call(client.auth.logout.$post())
    setCsrfToken(null)
    this.user = null
    this.assessing = null
  }

  private renderPage() {
    switch (this.route.page) {
      case 'home':
        return html`<p>${t('loading')}</p>`
      case 'inbox':
        return html`<ls-inbox view=${this.route.view ?? 'mine'}></ls-inbox>`
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
    const assessing = this.user && !this.user.mustChangePassword ? (this.assessing ?? []) : []
    const firstAssessed = assessing[0]
    const link = (page: Route['page'], href: string, label: string) =>
      html`<a href=${href} aria-current=${section(this.route.page, assessing.length > 0) === page ? 'page' : 'false'}>${label}</a>`
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
          ${firstAssessed ? link('assessments', `#/plans/${encodeURIComponent(firstAssessed.planId)}/assessments`, t('nav_assessments')) : ''}
          ${holds(this.user, 'author', 'admin', 'region-admin') ? link('author', '#/author', t('authoring')) : ''}
          ${holds(this.user, 'admin', 'region-admin') ? link('users', '#/users', t('users')) : ''}
          ${holds(this.user, 'admin') ? link('regions', '#/regions', t('regions')) : ''}
          ${holds(this.user, 'admin', 'region-admin') ? link('channels', '#/channels', t('channels')) : ''}
        </nav>
        <div class="user">
          ${this.user ? html`<a class="bell" href="#/notifications" aria-current=${this.route.page === 'notifications' ? 'page' : 'false'} >${t('notifications')}${this.unread > 0 ? html`<span class="badge">${this.unread > 99 ? '99+' : this.unread}</span><span class="visually-hidden">${fill(t('unreadSuffix'), { count: this.unread })}</span>` : ''}</a>` : ''}
          ${this.user ? html`<span title=${this.user.displayName}>${this.user.displayName}</span><button @click=${this.handleLogout}>${t('logout')}</button>` : ''}
          <button @click=${() => setLocale(locale() === 'zh' ? 'en' : 'zh')} lang=${locale() === 'zh' ? 'en' : 'zh'}>${t('language')}</button>
        </div>
      </header>
      <main>
        ${!this.checked ? html`<p>${t('loading')}</p>` : !this.user ? html`<ls-login-form @ls-login=${this.handleLogin}></ls-login-form>` : this.user.mustChangePassword ? html`<ls-password-change @ls-password-changed=${this.handlePasswordChanged}></ls-password-change>` : this.renderPage()}
      </main>
    `
  }
}

/**
 * The nav item a page belongs to: a 督办单 sits under the inbox; a plan's indicator import, ledger
 * and 情况通报 under its dashboard, and its assessments too, unless the user assesses (then they
 * have their own 考核 item).
 */
function section(page: Route['page'], assesses: boolean): Route['page'] {
  if (page === 'notice') return 'inbox'
  if (page === 'assessments') return assesses ? 'assessments' : 'dashboard'
  return page === 'indicators' || page === 'ledger' || page === 'bulletin' ? 'dashboard' : page
}
