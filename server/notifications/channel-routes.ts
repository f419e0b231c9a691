/**
 * @module /api/regions/:id/channels — where a region's units are reached outside luoshi (e-mail,
 * 钉钉 and 企业微信 group robots). Read and set by the region's administrators; secrets masked.
 */
import { Hono } from 'hono'
import { regionChannelsBody } from '../../schemas/api/requests.schema.ts'
import type { AppEnv } from '../http/env.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write } from '../http/write.ts'
import { listChannels, refuseUnlessAdministers, replaceChannels } from './channel-store.ts'

export const channelRoutes = new Hono<AppEnv>()
  .get('/:id/channels', async (c) => {
    const { reads } = c.get('deps')
    await refuseUnlessAdministers(reads, c.get('user'), c.req.param('id'))
    return c.json({ channels: await listChannels(reads, c.req.param('id')) })
  })
  .put('/:id/channels', validJson(regionChannelsBody), async (c) => {
    const body = c.req.valid('json')
    const user = c.get('user')
    const regionId = c.req.param('id')
    const by = { actor: user.id, now: c.get('deps').clock.now() }
    return write(c, async (trx) => {
      await refuseUnlessAdministers(trx, user, regionId)
      return c.json({ channels: await replaceChannels(trx, regionId, body, by) })
    })
  })
