/** @module /api/policies — published versions, validating a draft, publishing, diffs. */
import { Hono } from 'hono'
import { canSeePolicy } from '../access/visibility.ts'
import { visiblePolicy } from './visible-policy.ts'
import { publishPolicyBody, validatePolicyBody } from '../../schemas/api/requests.schema.ts'
import { checkForPublishingOffThread, validateDraftOffThread } from './check-off-thread.ts'
import { AppError, notFound } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { requireRole } from '../http/middleware/authenticate.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write, writesNothing } from '../http/write.ts'
import { diffPolicies } from './diff-versions.ts'
import { preparePublish, storeVersion } from './publish-policy.ts'
import { configOf, findVersion, listPolicies, listVersions } from './repository.ts'
import type { PolicyVersionRow } from '../db/database.ts'
import type { PolicySummary } from '../../schemas/api/responses.schema.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { policyDiffQuery } from '../../schemas/api/queries.schema.ts'
import { policySourceRoutes } from './source-routes.ts'

const summary = (row: PolicyVersionRow): PolicySummary => ({
  id: row.id,
  policyId: row.policy_id,
  version: row.version,
  title: row.title,
  region: row.region,
  contentHash: row.content_hash,
  sourceHash: row.source_hash,
  publishedAt: row.published_at,
  publishedBy: row.published_by,
  note: row.note,
})

export const policyRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = c.get('user')
    const rows = await listPolicies(c.get('deps').db)
    return c.json({ policies: rows.filter((row) => canSeePolicy(user, row.policy_id)).map(summary) })
  })
  .post('/validate', requireRole('author', 'admin', 'region-admin'), validJson(validatePolicyBody), async (c) => {
    const body = c.req.valid('json')
    const result = await validateDraftOffThread(body.yaml, body.sourceText)
    writesNothing(c)
    return c.json({ ok: result.ok, issues: result.issues })
  })
  .post('/', requireRole('author', 'admin', 'region-admin'), validJson(publishPolicyBody), async (c) => {
    const { reads, clock } = c.get('deps')
    const body = c.req.valid('json')
    // The check runs off-thread before the transaction, which then only stores the row.
    const prepared = await preparePublish(
      reads,
      clock,
      c.get('user').id,
      {
        yaml: body.yaml,
        ...(body.sourceText !== undefined ? { sourceText: body.sourceText } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
      },
      { check: checkForPublishingOffThread, publisher: { regionId: c.get('user').regionId } },
    )
    const user = c.get('user')
    return write(c, async (trx) => {
      const { version, created } = await storeVersion(trx, prepared, {
        actor: user.id,
        regionId: user.regionId,
        requested: body.regionId,
      })
      return c.json({ version: summary(version), created }, created ? 201 : 200)
    })
  })
  .route('/', policySourceRoutes)
  .get('/:policyId/versions', async (c) => {
    const rows = await listVersions(c.get('deps').db, visiblePolicy(c))
    if (rows.length === 0) throw notFound({ zh: '找不到该政策', en: 'No such policy' })
    return c.json({ versions: rows.map(summary) })
  })
  .get('/:policyId/versions/:version', async (c) => {
    const row = await findVersion(c.get('deps').db, visiblePolicy(c), c.req.param('version'))
    if (!row) throw notFound({ zh: '找不到该版本', en: 'No such version' })
    return c.json({ ...summary(row), yaml: row.yaml, sourceText: row.source_text, config: configOf(row) })
  })
  .get('/:policyId/diff', queryOf(policyDiffQuery), async (c) => {
    const { db } = c.get('deps')
    const from = c.req.query('from')
    const to = c.req.query('to')
    if (!from || !to) throw new AppError(400, 'bad-request', { zh: '请给出 from 和 to 两个版本号', en: 'Give both from and to versions' })
    const policyId = visiblePolicy(c)
    const [before, after] = await Promise.all([findVersion(db, policyId, from), findVersion(db, policyId, to)])
    if (!before || !after) throw notFound({ zh: '找不到该版本', en: 'No such version' })
    return c.json(diffPolicies(configOf(before), configOf(after)))
  })
