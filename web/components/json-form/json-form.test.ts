// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../../i18n.ts'
import type { LsJsonForm } from './json-form.component.ts'
import type { FormSchema } from './form-schema.ts'
import { fieldId } from './form-value.ts'
import './json-form.ts'

const REPORT: FormSchema = {
  type: 'object',
  required: ['summary', 'stage'],
  additionalProperties: false,
  properties: {
    summary: { type: 'string', title: '完成情况 / What was done', minLength: 1, maxLength: 20000 },
    owner: { type: 'string', title: '联系人', maxLength: 50 },
    beds: { type: 'integer', title: '床位数', description: '单位：张', minimum: 0, maximum: 5000 },
    share: { type: 'number', title: '基层就诊率（%）', minimum: 0, maximum: 100 },
    stage: { title: '总结阶段', enum: ['第一阶段', '第二阶段'] },
    signed: { type: 'boolean', title: '已签订协议' },
    signedOn: { type: 'string', format: 'date', title: '签订日期' },
    contact: {
      type: 'object',
      title: '联络',
      properties: { phone: { type: 'string', title: '电话' } },
    },
    hospitals: {
      type: 'array',
      title: '成员医院',
      maxItems: 3,
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', title: '名称', minLength: 1 },
          doctors: { type: 'integer', title: '医生数', minimum: 0 },
        },
      },
    },
    notes: { type: 'array', title: '备注', items: { type: 'string' } },
    areas: {
      type: 'array',
      title: '领域',
      uniqueItems: true,
      items: { enum: ['医疗', '医保', '医药'] },
    },
    evidence: {
      type: 'array',
      title: '佐证材料 / Evidence',
      items: { type: 'string', format: 'attachment-id' },
      maxItems: 50,
    },
  },
}

const CONDITIONAL: FormSchema = {
  type: 'object',
  properties: {
    hasPlan: { type: 'boolean', title: '已制定方案' },
    owner: { type: 'string', title: '负责人' },
  },
  if: { properties: { hasPlan: { const: true } }, required: ['hasPlan'] },
  then: {
    properties: { planDate: { type: 'string', format: 'date', title: '印发日期' } },
    required: ['planDate'],
  },
}

async function mount(schema: FormSchema, value: unknown = {}): Promise<LsJsonForm> {
  const form = document.createElement('ls-json-form')
  form.schema = schema
  form.value = value
  document.body.append(form)
  await form.updateComplete
  return form
}

const control = <T extends HTMLElement = HTMLInputElement>(form: LsJsonForm, pointer: string) =>
  form.shadowRoot!.getElementById(fieldId(pointer)) as T | null

async function type(form: LsJsonForm, pointer: string, text: string): Promise<void> {
  const input = control(form, pointer)!
  input.value = text
  input.dispatchEvent(new Event('input'))
  await form.updateComplete
}

afterEach(() => {
  document.body.replaceChildren()
  setLocale('zh')
  vi.unstubAllGlobals()
})

describe('ls-json-form', () => {
  it('renders a control for each kind of field', async () => {
    const form = await mount(REPORT)
    const root = form.shadowRoot!
    expect(control<HTMLTextAreaElement>(form, '/summary')?.tagName).toBe('TEXTAREA')
    expect(root.querySelector(`label[for="${fieldId('/summary')}"]`)?.textContent).toContain(
      '完成情况',
    )
    expect(control(form, '/owner')?.type).toBe('text')
    const beds = control(form, '/beds')!
    expect([beds.type, beds.min, beds.max, beds.step]).toEqual(['number', '0', '5000', '1'])
    expect(beds.parentElement?.querySelector('.unit')?.textContent).toBe('张')
    expect(control(form, '/share')!.parentElement?.querySelector('.unit')?.textContent).toBe('%')
    expect(
      Array.from(control<HTMLSelectElement>(form, '/stage')!.options).map(
        (option) => option.textContent,
      ),
    ).toEqual(['请选择', '第一阶段', '第二阶段'])
    expect(control(form, '/signed')?.type).toBe('checkbox')
    expect(control(form, '/signedOn')?.type).toBe('date')
    expect(root.querySelector(`#${fieldId('/contact')} legend`)?.textContent).toContain('联络')
    expect(control(form, '/contact/phone')?.type).toBe('text')
    expect(root.querySelector(`#${fieldId('/hospitals')} table`)).not.toBeNull()
    expect(root.querySelector(`#${fieldId('/notes')} ol.list`)).not.toBeNull()
    expect(root.querySelectorAll(`#${fieldId('/areas')} input[type="checkbox"]`)).toHaveLength(3)
    expect(
      form.shadowRoot!.getElementById(`${fieldId('/evidence')}-file`)?.getAttribute('type'),
    ).toBe('file')
    expect(control(form, '/summary')?.getAttribute('aria-required')).toBe('true')
    expect(root.querySelector(`label[for="${fieldId('/summary')}"] .required`)).not.toBeNull()
  })

  it('echoes a large number beside its box with thousands separators', async () => {
    const form = await mount(REPORT, { beds: 4500 })
    const beds = control(form, '/beds')!
    expect(beds.value).toBe('4500')
    expect(beds.parentElement?.querySelector('.grouped')?.textContent).toBe('4,500')
    await type(form, '/beds', '120')
    expect(beds.parentElement?.querySelector('.grouped')).toBeNull()
  })

  it('shows a missing required field at the field once the form is validated', async () => {
    const form = await mount(REPORT, { stage: '第一阶段' })
    expect(control(form, '/summary')?.getAttribute('aria-invalid')).toBe('false')
    expect(form.validate()).toBe(false)
    await form.updateComplete
    const summary = control(form, '/summary')!
    expect(summary.getAttribute('aria-invalid')).toBe('true')
    const error = form.shadowRoot!.getElementById(`${fieldId('/summary')}-error`)!
    expect(summary.getAttribute('aria-describedby')).toContain(error.id)
    expect(error.getAttribute('role')).toBe('alert')
    expect(error.textContent).toBe('此项为必填项')
    expect(form.shadowRoot!.querySelector('.summary')?.textContent).toContain('表单有 1 处需要修改')
  })

  it('lays out a decimal field like a whole-number one (label, input and hint stacked)', async () => {
    const form = await mount({
      type: 'object',
      properties: {
        ratio: { type: 'number', title: '次均费用增长率', description: '保留两位小数' },
        beds: { type: 'integer', title: '床位数', minimum: 0 },
      },
    })
    const fieldOf = (pointer: string) => control(form, pointer)!.closest('.field')!
    const css = (form.constructor as unknown as { styles: { cssText: string } }).styles.cssText
    const rules = Array.from(css.matchAll(/([^{}]+)\{([^}]*)\}/g), ([, selector, body]) => ({
      selector: selector!.replace(/\/\*[\s\S]*?\*\//g, '').trim(),
      body: body!,
    }))
    const layout = (field: Element) =>
      rules
        .filter((rule) => /display/.test(rule.body) && field.matches(rule.selector))
        .map((rule) => rule.selector)
    expect(fieldOf('/ratio').className).toBe('field number')
    expect(layout(fieldOf('/ratio'))).toEqual(['.field'])
    expect(layout(fieldOf('/beds'))).toEqual(['.field'])
  })

  it('shows an error when a field is left, in the chosen language', async () => {
    setLocale('en')
    const form = await mount(REPORT, { summary: 'done', stage: '第一阶段' })
    await type(form, '/beds', '9000')
    expect(form.shadowRoot!.getElementById(`${fieldId('/beds')}-error`)).toBeNull()
    control(form, '/beds')!.dispatchEvent(new Event('blur'))
    await form.updateComplete
    expect(form.shadowRoot!.getElementById(`${fieldId('/beds')}-error`)?.textContent).toBe(
      'Must be at most 5000',
    )
    setLocale('zh')
    await form.updateComplete
    expect(form.shadowRoot!.getElementById(`${fieldId('/beds')}-error`)?.textContent).toBe(
      '不能大于 5000',
    )
  })

  it('shows the then-fields of a condition when it holds, and drops them when it stops', async () => {
    const form = await mount(CONDITIONAL)
    expect(control(form, '/planDate')).toBeNull()
    const box = control(form, '/hasPlan')!
    box.checked = true
    box.dispatchEvent(new Event('change'))
    await form.updateComplete
    expect(control(form, '/planDate')?.getAttribute('aria-required')).toBe('true')
    const order = Array.from(form.shadowRoot!.querySelectorAll('input')).map((input) => input.id)
    expect(order.indexOf(fieldId('/planDate'))).toBe(order.indexOf(fieldId('/hasPlan')) + 1)
    expect(form.validate()).toBe(false)
    await type(form, '/planDate', '2018-07-01')
    expect(form.validate()).toBe(true)
    box.checked = false
    box.dispatchEvent(new Event('change'))
    await form.updateComplete
    expect(control(form, '/planDate')).toBeNull()
    expect(form.getValue()).toEqual({ hasPlan: false })
  })

  it('adds and removes rows of a table', async () => {
    const form = await mount(REPORT, { summary: 'x', stage: '第一阶段' })
    const table = () => form.shadowRoot!.getElementById(fieldId('/hospitals'))!
    const add = () => table().querySelector<HTMLButtonElement>('button.add')!
    add().click()
    await form.updateComplete
    await type(form, '/hospitals/0/name', '县人民医院')
    add().click()
    await form.updateComplete
    await type(form, '/hospitals/1/name', '县中医医院')
    await type(form, '/hospitals/1/doctors', '120')
    expect(table().querySelectorAll('tbody tr')).toHaveLength(2)
    table().querySelector<HTMLButtonElement>('tbody tr button.remove')!.click()
    await form.updateComplete
    expect(table().querySelectorAll('tbody tr')).toHaveLength(1)
    expect((form.getValue() as { hospitals: unknown }).hospitals).toEqual([
      { name: '县中医医院', doctors: 120 },
    ])
    add().click()
    await form.updateComplete
    add().click()
    await form.updateComplete
    expect(add().disabled).toBe(true)
    expect(form.validate()).toBe(false)
    await form.updateComplete
    expect(control(form, '/hospitals/1/name')?.getAttribute('aria-invalid')).toBe('true')
  })

  it('keeps edits when given the same data again, and starts over with new data', async () => {
    const data = { summary: 'stored', stage: '第一阶段' }
    const form = await mount(REPORT, data)
    await type(form, '/owner', '张三')
    form.value = data
    await form.updateComplete
    expect(control(form, '/owner')?.value).toBe('张三')
    form.value = { summary: 'reloaded' }
    await form.updateComplete
    expect(control(form, '/owner')?.value).toBe('')
    expect(control<HTMLTextAreaElement>(form, '/summary')?.value).toBe('reloaded')
  })

  it('shows server issues at their fields until the field is edited', async () => {
    const form = await mount(REPORT, { summary: ' ', stage: '第一阶段' })
    form.issues = [
      {
        pointer: '/data/summary',
        message: { zh: '完成情况不能为空白', en: 'What was done must not be blank' },
      },
    ]
    await form.updateComplete
    expect(control(form, '/summary')?.getAttribute('aria-invalid')).toBe('true')
    expect(form.shadowRoot!.getElementById(`${fieldId('/summary')}-error`)?.textContent).toBe(
      '完成情况不能为空白',
    )
    await type(form, '/summary', '已印发文件')
    expect(form.shadowRoot!.getElementById(`${fieldId('/summary')}-error`)).toBeNull()
  })

  it('uploads an evidence file and keeps its id in the value', async () => {
    const fetch = vi.fn(async (url: string) =>
      url === '/api/auth/me'
        ? new Response(JSON.stringify({ user: null, csrfToken: 'token' }))
        : new Response(
            JSON.stringify({ id: 'att-1', name: '方案.pdf', size: 3, type: 'application/pdf' }),
            { status: 201 },
          ),
    )
    vi.stubGlobal('fetch', fetch)
    const form = await mount(REPORT, { summary: 'x', stage: '第一阶段' })
    const changes: unknown[] = []
    form.addEventListener('ls-form-change', (event) => changes.push(event.detail.value))
    const input = form.shadowRoot!.getElementById(
      `${fieldId('/evidence')}-file`,
    ) as HTMLInputElement
    Object.defineProperty(input, 'files', {
      value: [new File(['pdf'], '方案.pdf', { type: 'application/pdf' })],
      configurable: true,
    })
    input.dispatchEvent(new Event('change'))
    await vi.waitFor(() =>
      expect((form.getValue() as { evidence?: string[] }).evidence).toEqual(['att-1']),
    )
    const [, init] = fetch.mock.calls[1] as unknown as [string, RequestInit]
    expect(init.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent('方案.pdf'),
      'x-csrf-token': 'token',
    })
    await form.updateComplete
    expect(form.shadowRoot!.querySelector('.files a')?.textContent).toBe('方案.pdf')
    expect(changes.at(-1)).toMatchObject({ evidence: ['att-1'] })
  })
})
