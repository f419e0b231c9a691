/**
 * @module /api/audit — query the audit log, verify its keyed hash chains (one per plan, and one for
 * the rest) against the checkpoints: whole, or each from its newest checkpoint (`?from=checkpoint`).
 * System administrators read the whole log; leaders and region administrators read only the
 * entries of what they may see (audit-scope.ts).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { requireRole } from '../http/middleware/authenticate.ts'
import { readCheckpoints } from './audit-checkpoint.ts'
import { auditKey } from './audit-key.ts'
import { auditScope } from './audit-scope.ts'
import { verifyAuditChains } from './audit-verify.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { auditQuery, auditVerifyQuery } from '../../schemas/api/queries.schema.ts'
import { AppError } from '../errors.ts'
import { readJson } from '../db/json-columns.ts'

export const auditRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'leader', 'region-admin'), queryOf(auditQuery), async (c) => {
    const { db } = c.get('deps')
    const q = c.req.query()
    let query = db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(Math.min(Number(q.limit ?? 200) || 200, 2000))
    const scope = await auditScope(db, c.get('user'))
    if (scope) query = query.where(scope)
    if (q.entity) query = query.where('entity', '=', q.entity)
    if (q.entityId) query = query.where('entity_id', '=', q.entityId)
    if (q.action) query = query.where('action', '=', q.action)
    if (q.actor) query = query.where('actor', '=', q.actor)
    const rows = await query.execute()
    return c.json({
      entries: rows.map((row) => ({
        ...row,
        payload: readJson('audit_log', 'payload', row.payload),
      })),
    })
  })
  .get('/verify', requireRole('admin'), queryOf(auditVerifyQuery), async (c) => {
    const { reads, auditCheckpointFile } = c.get('deps')
    const from = c.req.query('from')
    if (from !== undefined && from !== 'checkpoint')
      throw new AppError(400, 'bad-request', {
        zh: `from 只能是 checkpoint（自最新检查点起校验），或不给（全量校验），收到「${from}」`,
        en: `from must be checkpoint (verify from the newest checkpoint) or absent (verify everything), not "${from}"`,
      })
    const key = auditKey()
    return c.json(
      await verifyAuditChains(reads, {
        key,
        fromCheckpoint: from === 'checkpoint',
        ...(auditCheckpointFile ? { checkpoints: readCheckpoints(auditCheckpointFile, key) } : {}),
      }),
    )
  })
