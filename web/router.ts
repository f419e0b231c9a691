/**
 * @module Hash routes, so any page can be opened by URL and reloaded: `#/inbox`, `#/tasks/<id>`,
 * `#/plans/<id>`, `#/author`. Components read the route; `navigate()` changes it.
 */

export type Route =
  | { page: 'inbox' }
  | { page: 'task'; id: string }
  | { page: 'dashboard'; planId?: string }
  | { page: 'author' }
  | { page: 'not-found' }

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  switch (parts[0]) {
    case undefined:
    case 'inbox':
      return { page: 'inbox' }
    case 'tasks':
      return parts[1] ? { page: 'task', id: parts[1] } : { page: 'inbox' }
    case 'plans':
      return parts[1] ? { page: 'dashboard', planId: parts[1] } : { page: 'dashboard' }
    case 'dashboard':
      return { page: 'dashboard' }
    case 'author':
      return { page: 'author' }
    default:
      return { page: 'not-found' }
  }
}

export function navigate(path: string): void {
  window.location.hash = `#${path}`
}
