// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TaskDetail } from '../../api-types.ts'
import type { LsTaskPage } from './task-page.component.ts'
import { setLocale } from '../../i18n.ts'
import './task-page.ts'

function buildTask(overrides: Partial<TaskDetail> = {}): TaskDetail {
  return {
    id: 'task-1',
    planId: 'plan-1',
    sourceId: 'safeguard-funding',
    kind: 'responsibility',
    title: '完善投入政策',
    assignee: { id: 'county-finance-bureau', name: '县财政局' },
    role: 'lead',
    period: 'once',
    phaseId: 'carry-out',
    state: 'in_progress',
    version: 3,
    opensOn: '2018-07-01',
    dueOn: '2018-06-30',
    duePhrase: '2018年6月下旬',
    overdue: true,
    escalation: 2,
    light: 'red',
    dueSoon: false,
    progress: {
      every: null,
      nextDue: null,
      expectedPercent: 100,
      mayReport: false,
      reports: [],
      clearances: [],
      mayClearRed: false,
    },
    reviewer: 'leadership-group-office',
    reviewerName: '领导小组管理办公室',
    originalDueOn: null,
    extensions: [],
    mayRequestExtension: false,
    mayDecideExtension: false,
    mayUrge: false,
    closedOut: null,
    closeOutEvidence: null,
    description: '落实政府医疗卫生投入责任',
    note: null,
    share: null,
    finding: null,
    reportFlag: null,
    dueUnspecified: null,
    deliverables: [{ name: '投入政策文件' }],
    source: { clause: '四、(二)', quote: '牵头单位:县财政局' },
    procedure: null,
    context: {
      reviewer: 'leadership-group-office',
      pendingContributions: 0,
      escalation: 2,
      overdue: true,
      returns: 0,
      lastReason: null,
      step: 0,
    },
    data: null,
    form: {
      type: 'object',
      required: ['summary'],
      properties: {
        summary: {
          type: 'string',
          title: '完成情况 / What was done',
          minLength: 1,
          maxLength: 20000,
        },
      },
    },
    allowedEvents: ['SAVE', 'SUBMIT'],
    urgeReads: [],
    split: null,
    subTasks: [],
    splitUnits: [],
    maxSplitDepth: 3,
    transferUnits: [],
    history: [
      {
        seq: 1,
        type: 'START',
        actor: 'user-1',
        actorName: '县财政局（pingnan）',
        at: '2018-07-02T01:00:00.000Z',
        payload: {},
      },
    ],
    contributions: [],
    attachments: {},
    ...overrides,
  }
}

function serve(task: TaskDetail, answer: (body: unknown) => Response = () => new Response('{}')) {
  const posts: Array<{ body: unknown; headers: Record<string, string> }> = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (init.method === 'POST') {
        const body = JSON.parse(String(init.body))
        posts.push({ body, headers: init.headers as Record<string, string> })
        return answer(body)
      }
      return new Response(JSON.stringify(task))
    }),
  )
  return posts
}

async function mount(): Promise<LsTaskPage> {
  const page = document.createElement('ls-task-page')
  page.setAttribute('task-id', 'task-1')
  document.body.append(page)
  await vi.waitFor(() => expect(page.shadowRoot?.querySelector('h2')).not.toBeNull())
  await page.updateComplete
  return page
}

const button = (page: LsTaskPage, label: string) =>
  Array.from(page.shadowRoot!.querySelectorAll('button')).find(
    (candidate) => candidate.textContent?.trim() === label,
  )!

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

describe('ls-task-page', () => {
  it('shows the task, its source, deadline phrase, badges and a button per allowed event', async () => {
    serve(buildTask())
    const page = await mount()
    const text = page.shadowRoot!.textContent ?? ''
    expect(text).toContain('完善投入政策')
    expect(text).toContain('牵头单位:县财政局')
    expect(text).toContain('「2018年6月下旬」')
    expect(text).toContain('已逾期')
    expect(text).toContain('督办第 2 级')
    expect(text).toContain('投入政策文件')
    const labels = Array.from(page.shadowRoot!.querySelectorAll('.actions button')).map((b) =>
      b.textContent?.trim(),
    )
    expect(labels).toEqual(['保存草稿', '提交'])
  })

  it('shows the note the config writes on the duty, labelled in the reader’s language', async () => {
    serve(buildTask({ note: '经费须于每年3月底前拨付到位' }))
    const page = await mount()
    expect(page.shadowRoot!.querySelector('.note')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '说明 经费须于每年3月底前拨付到位',
    )
    setLocale('en')
    try {
      page.requestUpdate()
      await page.updateComplete
      expect(page.shadowRoot!.querySelector('.note strong')?.textContent).toBe('Note')
    } finally {
      setLocale('zh')
    }
  })

  it('shows the unit’s own share of a duty whose leads each have theirs (分别负责)', async () => {
    serve(buildTask({ share: '积极配合市人民医院推进三二医联体建设' }))
    const page = await mount()
    expect(page.shadowRoot!.querySelector('.share')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '本单位分工 积极配合市人民医院推进三二医联体建设',
    )
  })

  it('says in English how many supporting units must still be approved, 1 in the singular', async () => {
    serve(
      buildTask({
        allowedEvents: ['START', 'SAVE'],
        context: { ...buildTask().context, pendingContributions: 1 },
      }),
    )
    setLocale('en')
    try {
      const page = await mount()
      const text = page.shadowRoot!.querySelector('.actions')!.textContent ?? ''
      expect(text).toContain('1 supporting unit still has to be approved before you can submit')
      expect(text).not.toContain('plural')
    } finally {
      setLocale('zh')
    }
  })

  it('says once that the document sets no deadline, in the config’s words', async () => {
    serve(
      buildTask({
        dueOn: null,
        duePhrase: null,
        overdue: false,
        dueUnspecified: '文件未规定完成时限',
      }),
    )
    const page = await mount()
    const facts = page.shadowRoot!.querySelector('.facts')!.textContent ?? ''
    expect(facts.split('文件未规定完成时限')).toHaveLength(2)
    setLocale('en')
    try {
      page.requestUpdate()
      await page.updateComplete
      const english = page.shadowRoot!.querySelector('.facts')!.textContent ?? ''
      expect(english).toContain('The document sets no deadline')
      expect(english.split('文件未规定完成时限')).toHaveLength(2)
    } finally {
      setLocale('zh')
    }
  })

  it('shows no note when the duty has none', async () => {
    serve(buildTask())
    const page = await mount()
    expect(page.shadowRoot!.querySelector('.note')).toBeNull()
  })

  it('shows a 整改 task’s finding, and names the platform’s own steps in the reader’s language', async () => {
    serve(
      buildTask({
        kind: 'rectification',
        finding: {
          zh: '2021 年考核结果：得 7 分（满分 10 分）。县域内就诊率 87%，目标 ≥ 90%',
          en: '2021 result: 7 of 10 points. 县域内就诊率 87%, target ≥ 90%',
        },
        history: [
          {
            seq: 1,
            type: 'OVERDUE',
            actor: 'system',
            actorName: '系统',
            at: '2022-01-01T00:00:00.000Z',
            payload: {},
          },
        ],
      }),
    )
    setLocale('en')
    try {
      const page = await mount()
      expect(page.shadowRoot!.querySelector('.finding')?.textContent).toBe(
        '2021 result: 7 of 10 points. 县域内就诊率 87%, target ≥ 90%',
      )
      expect(page.shadowRoot!.textContent).toContain('System')
      expect(page.shadowRoot!.textContent).not.toContain('系统')
    } finally {
      setLocale('zh')
    }
  })

  it('shows a withdrawn task’s state and why it was withdrawn', async () => {
    serve(
      buildTask({
        state: 'withdrawn',
        allowedEvents: [],
        history: [
          {
            seq: 1,
            type: 'WITHDRAW',
            actor: 'office',
            actorName: '县医改办',
            at: '2018-05-02T01:00:00.000Z',
            payload: { reason: '「县级医院」成员调整：城关镇卫生院不再是成员' },
          },
        ],
      }),
    )
    const page = await mount()
    const text = page.shadowRoot!.textContent ?? ''
    expect(text).toContain('已撤回')
    expect(text).toContain('撤回原因：「县级医院」成员调整：城关镇卫生院不再是成员')
    expect(text).not.toContain('退回理由')
  })

  it('shows a plan revision in the history with why and the change note, and flags a report the new form refuses', async () => {
    serve(
      buildTask({
        state: 'approved',
        allowedEvents: [],
        reportFlag: { version: '1.1.0', errors: ["/ must have required property 'stage'"] },
        history: [
          {
            seq: 3,
            type: 'REVISE',
            actor: 'office',
            actorName: '县医改办',
            at: '2018-10-08T02:00:00.000Z',
            payload: {
              reason: '政策修订为 1.1.0：报告表单已修改',
              note: '改用书面总结表单',
              changes: ['form'],
            },
          },
        ],
      }),
    )
    const page = await mount()
    const text = page.shadowRoot!.textContent ?? ''
    expect(text).toContain('计划修订')
    expect(text).toContain('政策修订为 1.1.0：报告表单已修改 （变更说明：改用书面总结表单）')
    const flag = page.shadowRoot!.querySelector('.report-flag')!
    expect(flag.textContent).toContain('计划修订为 1.1.0 版后')
    expect(flag.textContent).toContain("must have required property 'stage'")
  })

  it('checks the form before submitting, then posts with If-Match', async () => {
    const posts = serve(buildTask())
    const page = await mount()
    button(page, '提交').click()
    await page.updateComplete
    expect(posts).toHaveLength(0)
    const form = page.shadowRoot!.querySelector('ls-json-form')!
    const summary = form.shadowRoot!.querySelector('textarea')!
    expect(summary.getAttribute('aria-invalid')).toBe('true')
    summary.value = '已印发'
    summary.dispatchEvent(new Event('input'))
    button(page, '提交').click()
    await vi.waitFor(() => expect(posts).toHaveLength(1))
    expect(posts[0]).toEqual({
      body: { type: 'SUBMIT', data: { summary: '已印发' } },
      headers: expect.objectContaining({ 'if-match': '"3"' }),
    })
  })

  it('asks for a reason before returning', async () => {
    const posts = serve(buildTask({ state: 'submitted', allowedEvents: ['APPROVE', 'RETURN'] }))
    const page = await mount()
    button(page, '退回').click()
    await page.updateComplete
    expect(posts).toHaveLength(0)
    const reason = page.shadowRoot!.querySelector<HTMLTextAreaElement>('#review-comment')!
    expect(reason.getAttribute('aria-invalid')).toBe('true')
    expect(page.shadowRoot!.querySelector('#review-error')?.getAttribute('role')).toBe('alert')
    reason.value = '缺少佐证材料'
    reason.dispatchEvent(new Event('input'))
    button(page, '退回').click()
    await vi.waitFor(() => expect(posts).toHaveLength(1))
    expect(posts[0]!.body).toEqual({ type: 'RETURN', reason: '缺少佐证材料' })
  })

  it('shows a conflict with the server message and a reload button', async () => {
    const conflict = {
      error: {
        code: 'version-mismatch',
        message: { zh: '任务已更新为第 4 版，请刷新后重试。', en: 'reload' },
      },
    }
    serve(buildTask(), () => new Response(JSON.stringify(conflict), { status: 409 }))
    const page = await mount()
    button(page, '保存草稿').click()
    await vi.waitFor(() =>
      expect(page.shadowRoot!.querySelector('.banner')?.textContent).toContain(
        '任务已更新为第 4 版',
      ),
    )
    expect(button(page, '重新加载')).toBeDefined()
  })

  it('shows server form issues at their fields', async () => {
    const invalid = {
      error: {
        code: 'invalid-form-data',
        message: { zh: '表单填写有误', en: 'The form has errors' },
        issues: [{ pointer: '/data/summary', message: { zh: '不能只填空格', en: 'Not blank' } }],
      },
    }
    serve(buildTask(), () => new Response(JSON.stringify(invalid), { status: 422 }))
    const page = await mount()
    button(page, '保存草稿').click()
    const form = page.shadowRoot!.querySelector('ls-json-form')!
    await vi.waitFor(() =>
      expect(form.shadowRoot!.querySelector('.error')?.textContent).toBe('不能只填空格'),
    )
  })
})
