/**
 * @module /api/audit — query the audit log, verify its hash chain. Admins read the whole log;
 * leaders read only the entries of the plans, units and tasks they may see (audit-scope.ts).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../http/env.js'
import { requireRole } from '../http/middleware/authenticate.js'
import { verifyAuditChain } from './audit-log.js'
import { auditScope } from './audit-scope.js'

export const auditRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'leader'), async (c) => {
    const { db } = c.get('deps')
    const q = c.req.query()
    let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(Math.min(Number(q.limit ?? 200) || 200, 2000))
    const scope = await auditScope(db, c.get('user'))
    if (scope) query = query.where(scope)
    if (q.entity) query = query.where('entity', '=', q.entity)
    if (q.entityId) query = query.where('entity_id', '=', q.entityId)
    if (q.action) query = query.where('action', '=', q.action)
    if (q.actor) query = query.where('actor', '=', q.actor)
    const rows = await query.execute()
    return c.json({ entries: rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) })) })
  })
  .get('/verify', requireRole('admin'), async (c) => c.json(await verifyAuditChain(c.get('deps').db)))
