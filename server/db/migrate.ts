/** @module Runs the Kysely migrations in `migrations/`, in name order. */
import { Migrator } from 'kysely'
import type { Kysely, Migration, MigrationProvider } from 'kysely'
import type { Database } from './database.js'
import * as createRuntime from './migrations/2026_11_22_1200_create_runtime.js'
import * as addAuditHead from './migrations/2026_11_22_1800_add_audit_head.js'
import * as createAttachment from './migrations/2026_11_22_2200_create_attachment.js'
import * as createIndicatorsAssessments from './migrations/2026_11_23_0000_create_indicators_assessments.js'
import * as indicatorValueVersions from './migrations/2026_12_06_1300_indicator_value_versions.js'

/** Migrations listed in code (not read from disk), so they bundle and type-check. */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_22_1200_create_runtime': createRuntime,
  '2026_11_22_1800_add_audit_head': addAuditHead,
  '2026_11_22_2200_create_attachment': createAttachment,
  '2026_11_23_0000_create_indicators_assessments': createIndicatorsAssessments,
  '2026_12_06_1300_indicator_value_versions': indicatorValueVersions,
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

/** Brings the database to the latest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
}
