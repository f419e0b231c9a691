/**
 * A required text field of only spaces is as empty as a missing one. The server and the browser
 * compile forms the same way (`compileForm` in schemas/ajv.ts), so both refuse it, with the same
 * Chinese and English message; a draft may still hold it, and optional text is left alone.
 */
import { NOT_BLANK_MESSAGE } from '../../schemas/ajv.ts'
import { validateForm } from '../../web/components/json-form/form-validation.ts'
import type { FormSchema } from '../../web/components/json-form/form-schema.ts'
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

const BLANKS = ['   ', '\t\n', '\u3000\u3000', ' \u00a0 ']

describe('required text of only spaces', () => {
  it('is refused by the server at its pointer, with a zh/en message; nothing is submitted', async () => {
    const t = await makeTestApp()
    const { planId, policyId } = await startBundledPlan(t, 'pingnan')
    const reformOffice = await loginAs(t, 'reform-office', {
      units: [{ policyId, unitId: 'county-reform-office' }],
    })
    const id = await taskId(t, planId, 'safeguard-funding', 'county-reform-office')
    for (const summary of BLANKS) {
      const response = await reformOffice.post(`/api/tasks/${id}/events`, {
        type: 'SUBMIT',
        data: { summary },
      })
      expect(response.status).toBe(422)
      const body = (await response.json()) as {
        error: {
          code: string
          issues: Array<{ pointer: string; code: string; message: LocalizedText }>
        }
      }
      expect(body.error.code).toBe('invalid-form-data')
      expect(body.error.issues).toEqual([
        { pointer: '/data/summary', code: 'empty', severity: 'error', message: NOT_BLANK_MESSAGE },
      ])
    }
    const task = await t.db
      .selectFrom('task')
      .select(['state', 'data'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(task).toEqual({ state: 'assigned', data: null })
    // A draft may hold it; submitting real text goes through.
    expect(
      (
        await reformOffice.post(`/api/tasks/${id}/events`, {
          type: 'SAVE',
          data: { summary: '   ' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await reformOffice.post(`/api/tasks/${id}/events`, {
          type: 'SUBMIT',
          data: { summary: '  已提出配合意见  ' },
        })
      ).status,
    ).toBe(200)
  })

  it('is refused by the browser’s validator with the same message, where the field is required', () => {
    const form: FormSchema = {
      type: 'object',
      required: ['summary', 'agreed'],
      properties: {
        summary: { type: 'string', title: '完成情况', minLength: 1 },
        agreed: { type: 'boolean', title: '是否同意' },
        reason: { type: 'string', title: '理由' },
        remark: { type: 'string', title: '备注' },
        attachment: { type: 'string', format: 'date' },
      },
      if: { properties: { agreed: { const: false } } },
      then: { required: ['reason'] },
    }
    for (const blank of BLANKS) {
      const errors = validateForm(form, {
        summary: blank,
        agreed: false,
        reason: blank,
        remark: blank,
      })
      expect(errors.get('/summary')).toEqual([NOT_BLANK_MESSAGE])
      // Required only when not agreed: refused then, and only then.
      expect(errors.get('/reason')).toEqual([NOT_BLANK_MESSAGE])
      expect(validateForm(form, { summary: '已完成', agreed: true, reason: blank }).size).toBe(0)
      // Optional text is the author's to leave blank.
      expect(errors.has('/remark')).toBe(false)
    }
    // Empty required text is refused once: by minLength where the form sets one, else as blank.
    expect(validateForm(form, { summary: '', agreed: false, reason: '' }).get('/summary')).toEqual([
      { zh: '不能为空', en: 'Must not be empty' },
    ])
    expect(validateForm(form, { summary: '', agreed: false, reason: '' }).get('/reason')).toEqual([
      NOT_BLANK_MESSAGE,
    ])
    expect(
      validateForm(form, { summary: '  已完成 ', agreed: false, reason: '预算未到位' }).size,
    ).toBe(0)
  })
})
