/**
 * @module The built web app (dist/web) served at `/`: compressed files chosen by the browser's
 * Accept-Encoding (the build writes a brotli `.br` and a gzip `.gz` beside each script, style and
 * page — see vite.config.ts), hashed files under /assets cached for a year as immutable (a new
 * build names them anew), and index.html, which names them, revalidated on every load
 * (`no-cache`). Client-side routes live in the hash, so every other path is the app's one page —
 * except under /api, where an unknown route is the JSON 404.
 */
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from './env.ts'

/** Cache-Control of hashed assets: a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Cache-Control of the page that names them: always asked again (a 304 when unchanged). */
export const REVALIDATE = 'no-cache'

/** Serves the web app from `root` (relative to the working directory) on `app`. */
export function serveWebApp(app: Hono<AppEnv>, root: string): void {
  // Caching is decided on what was sent: a missing file under /assets answered with the page
  // must not be kept for a year.
  app.use('/*', async (c, next) => {
    await next()
    if (c.req.path.startsWith('/api/') || c.res.status !== 200) return
    const page = (c.res.headers.get('content-type') ?? '').includes('text/html')
    c.res.headers.set(
      'Cache-Control',
      c.req.path.startsWith('/assets/') && !page ? IMMUTABLE : REVALIDATE,
    )
  })
  app.use('/*', serveStatic({ root, precompressed: true }))
  app.get('/*', async (c, next) =>
    c.req.path.startsWith('/api/')
      ? next()
      : serveStatic({ root, path: 'index.html', precompressed: true })(c, next),
  )
}
