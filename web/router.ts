/**
 * @module Hash routes, so any page can be opened by URL and reloaded: `#/` (the landing page of one's role, see landing.ts), `#/inbox`, `#/inbox/review`, `#/tasks/<id>`,
 * `#/plans/<id>`, `#/plans/<id>/ledger`, `#/plans/<id>/bulletin`,
 * `#/plans/<id>/tasks/<taskId>/supervision-notice`, `#/author`, `#/users`, `#/regions`, `#/channels`, `#/notifications`. Components read the route; `navigate()` changes it.
 */

export type Route =
  | { page: 'home' }
  | { page: 'inbox'; view?: 'review' }
  | { page: 'task'; id: string }
  | { page: 'dashboard'; planId?: string }
  | { page: 'assessments'; planId: string; assessmentId?: string; year?: number; unitId?: string }
  | { page: 'indicators'; planId: string; view: 'import' }
  | { page: 'ledger'; planId: string }
  | { page: 'bulletin'; planId: string }
  | { page: 'notice'; planId: string; taskId: string }
  | { page: 'author' }
  | { page: 'users' }
  | { page: 'regions' }
  | { page: 'channels' }
  | { page: 'notifications' }
  | { page: 'not-found' }

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  switch (parts[0]) {
    case undefined:
      return { page: 'home' }
    case 'inbox':
      return parts[1] === 'review' ? { page: 'inbox', view: 'review' } : { page: 'inbox' }
    case 'tasks':
      return parts[1] ? { page: 'task', id: parts[1] } : { page: 'inbox' }
    case 'plans':
      if (!parts[1]) return { page: 'dashboard' }
      if (parts[2] === 'assessments') return assessmentRoute(parts[1], parts.slice(3))
      if (parts[2] === 'indicators' && parts[3] === 'import')
        return { page: 'indicators', planId: parts[1], view: 'import' }
      if (parts[2] === 'ledger' && !parts[3]) return { page: 'ledger', planId: parts[1] }
      if (parts[2] === 'bulletin' && !parts[3]) return { page: 'bulletin', planId: parts[1] }
      if (parts[2] === 'tasks' && parts[3] && parts[4] === 'supervision-notice')
        return { page: 'notice', planId: parts[1], taskId: parts[3] }
      return parts[2] === undefined
        ? { page: 'dashboard', planId: parts[1] }
        : { page: 'not-found' }
    case 'dashboard':
      return { page: 'dashboard' }
    case 'author':
      return { page: 'author' }
    case 'users':
      return { page: 'users' }
    case 'regions':
      return { page: 'regions' }
    case 'channels':
      return { page: 'channels' }
    case 'notifications':
      return { page: 'notifications' }
    default:
      return { page: 'not-found' }
  }
}

/** `#/plans/<id>/assessments[/<assessment>/<year>[/units/<unit>]]`. */
function assessmentRoute(planId: string, rest: string[]): Route {
  const [assessmentId, year, units, unitId] = rest
  if (!assessmentId) return { page: 'assessments', planId }
  if (!year || !/^\d{4}$/.test(year)) return { page: 'assessments', planId, assessmentId }
  if (units === 'units' && unitId)
    return { page: 'assessments', planId, assessmentId, year: Number(year), unitId }
  return { page: 'assessments', planId, assessmentId, year: Number(year) }
}

export function navigate(path: string): void {
  window.location.hash = `#${path}`
}
