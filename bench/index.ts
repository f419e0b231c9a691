/** `npm run bench`: prints every benchmark's figures in one run. */
import { arch, cpus, totalmem } from 'node:os'
import { benchAuditVerify } from './audit-verify.bench.ts'
import { benchBrowser } from './browser.bench.ts'
import { benchDashboardWeight } from './dashboard-weight.bench.ts'
import { benchDemoSeed } from './demo-seed.bench.ts'
import { benchEngine } from './engine.bench.ts'
import { benchHttpTransitions } from './http-transitions.bench.ts'
import { benchImportValues } from './import-values.bench.ts'
import { benchPlanMigration } from './plan-migration.bench.ts'
import { benchPlanStart } from './plan-start.bench.ts'
import { benchPolicyValidation } from './policy-validation.bench.ts'
import { benchPostgresProcesses } from './postgres-processes.bench.ts'
import { benchReadScale } from './read-scale.bench.ts'
import { benchReadScalePostgres } from './read-scale-postgres.bench.ts'
import { benchRegionReach } from './region-reach.bench.ts'
import { benchScoring } from './scoring.bench.ts'
import { benchTaskLight } from './task-light.bench.ts'

const header = `luoshi bench — node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? arch()}, ${Math.round(totalmem() / 2 ** 30)} GiB`
console.log(header)
for (const line of benchPolicyValidation()) console.log(line)
for (const line of await benchEngine()) console.log(line)
for (const line of benchScoring()) console.log(line)
for (const line of benchTaskLight()) console.log(line)
for (const line of await benchPlanStart()) console.log(line)
for (const line of await benchPlanMigration()) console.log(line)
for (const line of await benchImportValues()) console.log(line)
for (const line of await benchRegionReach()) console.log(line)
for (const line of await benchReadScale()) console.log(line)
for (const line of await benchAuditVerify()) console.log(line)
for (const line of await benchReadScalePostgres()) console.log(line)
for (const line of await benchHttpTransitions()) console.log(line)
for (const line of await benchPostgresProcesses()) console.log(line)
for (const line of await benchDemoSeed()) console.log(line)
for (const line of await benchBrowser()) console.log(line)
for (const line of await benchDashboardWeight()) console.log(line)
