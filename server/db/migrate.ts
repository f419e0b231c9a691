/** @module Runs the Kysely migrations in `migrations/`, in name order. */
import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import type { Migration, MigrationProvider } from 'kysely/migration'
import type { Database } from './database.ts'
import * as createRuntime from './migrations/2026_11_22_1200_create_runtime.ts'
import * as addAuditHead from './migrations/2026_11_22_1800_add_audit_head.ts'
import * as createAttachment from './migrations/2026_11_22_2200_create_attachment.ts'
import * as createIndicatorsAssessments from './migrations/2026_11_23_0000_create_indicators_assessments.ts'
import * as createAttachmentRef from './migrations/2026_12_06_1000_create_attachment_ref.ts'
import * as createLoginAttempt from './migrations/2026_12_06_1100_create_login_attempt.ts'
import * as auditHeadKeyed from './migrations/2026_12_06_1110_audit_head_keyed.ts'
import * as sessionLastSeen from './migrations/2026_12_06_1120_session_last_seen.ts'
import * as indicatorValueVersions from './migrations/2026_12_06_1300_indicator_value_versions.ts'
import * as addPolicyVersionNote from './migrations/2026_12_06_1500_add_policy_version_note.ts'
import * as userAdmin from './migrations/2026_12_06_2300_user_admin.ts'
import * as regions from './migrations/2026_12_07_0100_regions.ts'
import * as createOidcLogin from './migrations/2026_12_07_0200_create_oidc_login.ts'
import * as taskKeyOpenTasks from './migrations/2026_12_07_0210_task_key_open_tasks.ts'
import * as addPolicyVersionSourceHash from './migrations/2026_12_07_0220_add_policy_version_source_hash.ts'
import * as planRevision from './migrations/2026_12_07_0300_plan_revision.ts'
import * as planLifecycle from './migrations/2026_12_07_0310_plan_lifecycle.ts'
import * as progressReports from './migrations/2026_12_07_0400_progress_reports.ts'
import * as taskExtension from './migrations/2026_12_07_0410_task_extension.ts'
import * as createSubTask from './migrations/2026_12_07_0420_create_sub_task.ts'
import * as notificationDelivery from './migrations/2026_12_07_0430_notification_delivery.ts'
import * as dutyStart from './migrations/2026_12_08_0400_duty_start.ts'
import * as planDateShift from './migrations/2026_12_08_0600_plan_date_shift.ts'
import * as attachmentContent from './migrations/2026_12_08_0700_attachment_content.ts'
import * as auditChains from './migrations/2026_12_08_0710_audit_chains.ts'
import * as taskCounts from './migrations/2026_12_08_0800_task_counts.ts'
import * as progressCounts from './migrations/2026_12_09_0200_progress_counts.ts'
import * as readIndexes from './migrations/2026_12_09_0200_read_indexes.ts'
import * as attachmentStore from './migrations/2026_12_09_0300_attachment_store.ts'
import * as accessEpoch from './migrations/2026_12_09_0600_access_epoch.ts'
import * as ledgerEpoch from './migrations/2026_12_10_0100_ledger_epoch.ts'
import * as progressEpoch from './migrations/2026_12_11_0100_progress_epoch.ts'

/** Migrations listed in code (not read from disk), so they bundle and type-check. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_22_1200_create_runtime': createRuntime,
  '2026_11_22_1800_add_audit_head': addAuditHead,
  '2026_11_22_2200_create_attachment': createAttachment,
  '2026_11_23_0000_create_indicators_assessments': createIndicatorsAssessments,
  '2026_12_06_1000_create_attachment_ref': createAttachmentRef,
  '2026_12_06_1100_create_login_attempt': createLoginAttempt,
  '2026_12_06_1110_audit_head_keyed': auditHeadKeyed,
  '2026_12_06_1120_session_last_seen': sessionLastSeen,
  '2026_12_06_1300_indicator_value_versions': indicatorValueVersions,
  '2026_12_06_1500_add_policy_version_note': addPolicyVersionNote,
  '2026_12_06_2300_user_admin': userAdmin,
  '2026_12_07_0100_regions': regions,
  '2026_12_07_0200_create_oidc_login': createOidcLogin,
  '2026_12_07_0210_task_key_open_tasks': taskKeyOpenTasks,
  '2026_12_07_0220_add_policy_version_source_hash': addPolicyVersionSourceHash,
  '2026_12_07_0300_plan_revision': planRevision,
  '2026_12_07_0310_plan_lifecycle': planLifecycle,
  '2026_12_07_0400_progress_reports': progressReports,
  '2026_12_07_0410_task_extension': taskExtension,
  '2026_12_07_0420_create_sub_task': createSubTask,
  '2026_12_07_0430_notification_delivery': notificationDelivery,
  '2026_12_08_0400_duty_start': dutyStart,
  '2026_12_08_0600_plan_date_shift': planDateShift,
  '2026_12_08_0700_attachment_content': attachmentContent,
  '2026_12_08_0710_audit_chains': auditChains,
  '2026_12_08_0800_task_counts': taskCounts,
  '2026_12_09_0200_progress_counts': progressCounts,
  '2026_12_09_0200_read_indexes': readIndexes,
  '2026_12_09_0300_attachment_store': attachmentStore,
  '2026_12_09_0600_access_epoch': accessEpoch,
  '2026_12_10_0100_ledger_epoch': ledgerEpoch,
  '2026_12_11_0100_progress_epoch': progressEpoch,
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

/** Brings the database to the latest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
}
