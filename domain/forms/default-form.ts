/**
 * @module The report form a duty gets when its config names none: what was done, one answer per
 * listed deliverable, and the evidence (佐证材料) offered.
 */
import { ATTACHMENT_ID_FORMAT } from '../../schemas/api/attachment.schema.ts'

/** The generated JSON Schema for a duty's report. */
export function defaultReportForm(
  title: string,
  deliverables: ReadonlyArray<{ name: string }>,
): Record<string, unknown> {
  const deliverableFields = Object.fromEntries(
    deliverables.map((deliverable, index) => [
      `deliverable${index + 1}`,
      {
        type: 'string',
        title: deliverable.name,
        // Bilingual as the form's own titles are (`中文 / English`): the form shows one half.
        description: `交付物：${deliverable.name} / Deliverable: ${deliverable.name}`,
      },
    ]),
  )
  return {
    type: 'object',
    title,
    required: ['summary'],
    additionalProperties: false,
    properties: {
      summary: {
        type: 'string',
        title: '完成情况 / What was done',
        minLength: 1,
        maxLength: 20000,
      },
      ...deliverableFields,
      evidence: {
        type: 'array',
        title: '佐证材料 / Evidence',
        items: { type: 'string', format: ATTACHMENT_ID_FORMAT },
        maxItems: 50,
      },
    },
  }
}
