/**
 * @module The built web app (dist/web) served at `/`: compressed files chosen by the browser's
 * Accept-Encoding (the build writes a brotli `.br` and a gzip `.gz` beside each script, style and
 * page — see vite.config.ts), hashed files under /assets cached for a year as immutable (a new
 * build names them anew), and index.html, which names them, revalidated on every load
 * (`no-cache`). Client-side routes live in the hash, so every other path is the app's one page —
 * except under /api, where an unknown route is the JSON 404.
 */
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import type { AppEnv } from './env.ts'

/** Cache-Control of hashed assets: a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Cache-Control of the page that names them: always asked again (a 304 when unchanged). */
export const REVALIDATE = 'no-cache'

function cacheHeaders(path: string, c: Context): void {
  c.header('Cache-Control', /(^|\/)assets\//.test(path) ? IMMUTABLE : REVALIDATE)
}

/** Serves the web app from `root` (relative to the working directory) on `app`. */
export function serveWebApp(app: Hono<AppEnv>, root: string): void {
  app.use('/*', serveStatic({ root, precompressed: true, onFound: cacheHeaders }))
  app.get('/*', async (c, next) =>
    c.req.path.startsWith('/api/')
      ? next()
      : serveStatic({ root, path: 'index.html', precompressed: true, onFound: cacheHeaders })(
          c,
          next,
        ),
  )
}
