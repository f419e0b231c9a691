/** Evidence files kept in the database (the default store): the scenarios of attachments.case.test.ts. */
import { databaseAttachmentStore } from '../../server/attachments/database-store.ts'
import { attachmentScenarios } from './attachments.case.test.ts'

attachmentScenarios('database store', async () => ({
  make: () => databaseAttachmentStore,
  async storedIds(t) {
    const rows = await t.db
      .selectFrom('attachment_chunk')
      .select('attachment_id')
      .distinct()
      .execute()
    return rows.map((row) => row.attachment_id)
  },
  // The chunks are written in the row's transaction: a refused upload leaves nothing to sweep.
  sweep: async () => 0,
  refusalLeaves: 0,
  close: async () => undefined,
}))
