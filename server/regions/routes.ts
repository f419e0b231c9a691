/**
 * @module /api/regions — the regions luoshi serves. Every signed-in user lists the regions it
 * reads (its own and those below; all of them for an account above every region); only a system
 * administrator creates and changes them. A region's administrators are accounts with the role
 * `region-admin` in it (POST /api/users).
 */
import { Hono } from 'hono'
import { createRegionBody, updateRegionBody } from '../../schemas/api/requests.schema.ts'
import type { AppEnv } from '../http/env.ts'
import { requireRole } from '../http/middleware/authenticate.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write } from '../http/write.ts'
import { createRegion, listRegions, readableRegions, updateRegion } from './region-store.ts'

export const regionRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { reads } = c.get('deps')
    const only = await readableRegions(reads, c.get('user').regionId)
    return c.json({ regions: await listRegions(reads, only) })
  })
  .post('/', requireRole('admin'), validJson(createRegionBody), async (c) => {
    const body = c.req.valid('json')
    const by = { actor: c.get('user').id, now: c.get('deps').clock.now() }
    return write(c, async (trx) => c.json({ region: await createRegion(trx, body, by) }, 201))
  })
  .patch('/:id', requireRole('admin'), validJson(updateRegionBody), async (c) => {
    const body = c.req.valid('json')
    const by = { actor: c.get('user').id, now: c.get('deps').clock.now() }
    return write(c, async (trx) =>
      c.json({ region: await updateRegion(trx, c.req.param('id'), body, by) }),
    )
  })
