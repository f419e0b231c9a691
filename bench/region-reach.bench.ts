/**
 * What regions cost every request: loading the signed-in user (what `authenticate` does per
 * request) for an account above every region, and for a county account in a national tree of
 * 3,000 regions (one province over 300 cities over 2,700 counties) holding 6,000 policies — its
 * reach, the policies of its region and of those below, is computed from the database each time.
 */
import { loadCurrentUser } from '../server/auth/users.ts'
import { ensureUser } from '../server/auth/users.ts'
import { makeDb } from '../test/helpers/make-db.ts'
import { measureAsync, report } from './measure.ts'

const CITIES = 300
const COUNTIES_PER_CITY = 9
const POLICIES_PER_REGION = 2
const TARGET_MS = 2

export async function benchRegionReach(): Promise<string[]> {
  const t = await makeDb()
  const at = '2026-01-01T00:00:00.000Z'
  const regions: Array<{ id: string; parent: string | null; level: string }> = [
    { id: 'province', parent: null, level: 'province' },
  ]
  for (let c = 0; c < CITIES; c++) {
    regions.push({ id: `city-${c}`, parent: 'province', level: 'prefecture' })
    for (let k = 0; k < COUNTIES_PER_CITY; k++)
      regions.push({ id: `county-${c}-${k}`, parent: `city-${c}`, level: 'county' })
  }
  await t.writes.run(async (trx) => {
    for (const region of regions)
      await trx
        .insertInto('region')
        .values({
          id: region.id,
          name: region.id,
          level: region.level,
          parent_id: region.parent,
          division_code: null,
          created_at: at,
          created_by: 'bench',
          updated_at: null,
        })
        .execute()
    for (const region of regions)
      for (let p = 0; p < POLICIES_PER_REGION; p++)
        await trx
          .insertInto('policy')
          .values({
            id: `${region.id}-p${p}`,
            region_id: region.id,
            created_at: at,
            created_by: 'bench',
          })
          .execute()
  })
  const account = async (username: string, regionId: string | null) =>
    (
      await ensureUser(
        t,
        {
          username,
          displayName: username,
          password: 'bench-password',
          roles: ['leader'],
          regionId,
        },
        at,
      )
    ).id
  const platform = await account('platform', null)
  const county = await account('county', 'county-7-3')
  const city = await account('city', 'city-7')
  const runs = { runs: 2000, warmup: 200 }
  const above = await measureAsync(async () => void (await loadCurrentUser(t.db, platform)), runs)
  const inCounty = await measureAsync(async () => void (await loadCurrentUser(t.db, county)), runs)
  const inCity = await measureAsync(async () => void (await loadCurrentUser(t.db, city)), runs)
  await t.db.destroy()
  return [
    report('session user, above every region', above, TARGET_MS),
    report(`session user, a county of ${regions.length} regions`, inCounty, TARGET_MS),
    report(`session user, a city (reads ${COUNTIES_PER_CITY} counties down)`, inCity, TARGET_MS),
    `  region reach costs ${(inCounty.median / above.median).toFixed(1)}× (county), ${(inCity.median / above.median).toFixed(1)}× (city) of an account above every region, median`,
  ]
}

if (import.meta.main) for (const line of await benchRegionReach()) console.log(line)
