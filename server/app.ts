/**
 * @module The HTTP application: `/api/*` routes over the injected database and clock. Tests call
 * `app.request()` on it directly; `main.ts` serves it.
 */
import { relative } from 'node:path'
import { Hono } from 'hono'
import { attachmentRoutes } from './attachments/routes.ts'
import { auditRoutes } from './audit/routes.ts'
import { authRoutes } from './auth/routes.ts'
import { AppError } from './errors.ts'
import type { AppDeps, AppEnv } from './http/env.ts'
import { authenticate } from './http/middleware/authenticate.ts'
import { idempotency } from './http/middleware/idempotency.ts'
import { refuseNul } from './http/middleware/refuse-nul.ts'
import { bodySize } from './http/middleware/body-size.ts'
import { requestId } from './http/middleware/request-id.ts'
import { onError } from './http/on-error.ts'
import { securityHeaders } from './http/middleware/security-headers.ts'
import { openApiDocument } from './http/openapi.ts'
import { serveWebApp } from './http/static-files.ts'
import { writeSeam } from './http/write.ts'
import { indicatorValueRoutes } from './indicators/routes.ts'
import { assessmentRoutes } from './assessments/routes.ts'
import { indicatorSeriesRoutes } from './indicators/series-routes.ts'
import { planRoutes } from './plans/routes.ts'
import { documentRoutes } from './documents/routes.ts'
import { policyRoutes } from './policies/routes.ts'
import { taskRoutes } from './tasks/routes.ts'
import { userRoutes } from './users/routes.ts'
import { regionRoutes } from './regions/routes.ts'
import { channelRoutes } from './notifications/channel-routes.ts'
import { notificationRoutes } from './notifications/routes.ts'

/** Largest accepted request body: a big policy config with its source document fits easily. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024

export interface AppOptions {
  /** The built web app (dist/web) to serve at `/`; without it only the API is served. */
  webRoot?: string
}

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const api = new Hono<AppEnv>()
    .use('*', refuseNul)
    .use('*', bodySize(MAX_BODY_BYTES))
    // Every mutating request writes in one transaction (login and logout too); see http/write.ts.
    .use('*', writeSeam)
    .route('/auth', authRoutes)
    .get('/openapi.json', (c) => c.json(openApiDocument()))
    .use('*', authenticate, idempotency)
    .route('/policies', policyRoutes)
    .route('/plans/:id/indicator-values', indicatorValueRoutes)
    .route('/plans/:id/assessments', assessmentRoutes)
    .route('/plans/:id/indicators', indicatorSeriesRoutes)
    .route('/plans/:id', documentRoutes)
    .route('/plans', planRoutes)
    .route('/tasks', taskRoutes)
    .route('/audit', auditRoutes)
    .route('/attachments', attachmentRoutes)
    .route('/users', userRoutes)
    .route('/regions', regionRoutes)
    .route('/regions', channelRoutes)
    .route('/notifications', notificationRoutes)

  const app = new Hono<AppEnv>()
    .use('*', securityHeaders)
    .use('*', requestId)
    .use('*', async (c, next) => {
      c.set('deps', deps)
      await next()
    })
    .route('/api', api)
  if (options.webRoot) {
    const root = relative(process.cwd(), options.webRoot) || '.'
    serveWebApp(app, root)
  }
  app.onError(onError)
  app.notFound((c) =>
    c.json(
      new AppError(404, 'not-found', { zh: '没有这个地址', en: 'No such route' }).toJSON(),
      404,
    ),
  )
  return app
}

export type AppType = ReturnType<typeof createApp>
