// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { TaskDetail } from '../../api-types.ts'
import { setLocale } from '../../i18n.ts'
import type { LsTaskFollowup } from './task-followup.component.ts'
import './task-followup.ts'

type Followup = Pick<
  TaskDetail,
  | 'id'
  | 'dueOn'
  | 'originalDueOn'
  | 'extensions'
  | 'mayRequestExtension'
  | 'mayDecideExtension'
  | 'mayUrge'
  | 'closedOut'
  | 'closeOutEvidence'
>

function buildTask(overrides: Partial<Followup> = {}): TaskDetail {
  const task: Followup = {
    id: 'task-1',
    dueOn: '2018-09-24',
    originalDueOn: null,
    extensions: [],
    mayRequestExtension: false,
    mayDecideExtension: false,
    mayUrge: false,
    closedOut: null,
    closeOutEvidence: null,
    ...overrides,
  }
  return task as TaskDetail
}

async function mount(task: TaskDetail): Promise<LsTaskFollowup> {
  const element = document.createElement('ls-task-followup')
  element.task = task
  document.body.append(element)
  await element.updateComplete
  return element
}

const text = (element: LsTaskFollowup) => element.shadowRoot!.textContent.replace(/\s+/g, ' ')

describe('ls-task-followup', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    setLocale('zh')
  })

  it('shows nothing for a task with nothing to follow up', async () => {
    const element = await mount(buildTask())
    expect(element.shadowRoot!.querySelector('section')).toBeNull()
  })

  it('shows 已销号 with when and by whom, and the date an extension replaced', async () => {
    const element = await mount(
      buildTask({
        originalDueOn: '2018-09-10',
        closedOut: { at: '2018-09-20T02:00:00.000Z', by: 'user-1', byName: '领导小组办公室' },
        closeOutEvidence: 'required',
      }),
    )
    expect(text(element)).toContain('已销号（2018-09-20，领导小组办公室）')
    expect(text(element)).toContain('原截止日 2018-09-10，经批准延至 2018-09-24')
  })

  it('says a close-out needs evidence while the task is not closed out', async () => {
    const element = await mount(buildTask({ closeOutEvidence: 'required', mayUrge: true }))
    expect(text(element)).toContain('销号须附佐证材料')
    expect(element.shadowRoot!.querySelector('form.urge')).not.toBeNull()
  })

  it('offers the reviewer approve and refuse for a pending request', async () => {
    const element = await mount(
      buildTask({
        mayDecideExtension: true,
        extensions: [
          {
            id: 'x1',
            status: 'pending',
            dueFrom: '2018-09-10',
            dueTo: '2018-09-24',
            reason: '等待上级政策',
            reviewer: 'office',
            requestedAt: '2018-09-05T01:00:00.000Z',
            percent: 60,
            progress: null,
          },
        ],
      }),
    )
    expect(text(element)).toContain('延期申请待审批：2018-09-10 延至 2018-09-24')
    const buttons = [...element.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)
    expect(buttons).toEqual(['同意延期', '不同意'])
  })
})
