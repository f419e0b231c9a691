// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanProgress } from '../../api-types.ts'
import type { LsDocumentParts } from './document-parts.component.ts'
import './document-parts.ts'

type Part = PlanProgress['parts'][number]

const PARTS: Part[] = [
  { part: '二、', title: '组建及管理', duties: 3, tasks: { total: 8, approved: 5, closed: 1 } },
  { part: '附件', title: null, duties: 1, tasks: { total: 3, approved: 1, closed: 0 } },
  { part: '五、', title: '组织实施<b>', duties: 2, tasks: { total: 0, approved: 0, closed: 0 } },
]

async function mount(parts: Part[]): Promise<LsDocumentParts> {
  const element = document.createElement('ls-document-parts')
  element.parts = parts
  document.body.append(element)
  await element.updateComplete
  return element
}

const cells = (row: Element) =>
  [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())

afterEach(() => document.body.replaceChildren())

describe('ls-document-parts', () => {
  it('shows each part with its heading, duties, tasks done of all and the percent done', async () => {
    const element = await mount(PARTS)
    const rows = [...element.shadowRoot!.querySelectorAll('tbody tr')]
    expect(rows.map(cells)).toEqual([
      ['二、', '组建及管理', '3', '5/8', '62%'],
      ['附件', '—', '1', '1/3', '33%'],
      ['五、', '组织实施<b>', '2', '0/0', '0%'],
    ])
    expect(element.shadowRoot!.querySelector('tbody b')).toBeNull()
  })

  it('renders no table for a plan without parts', async () => {
    const element = await mount([])
    expect(element.shadowRoot!.querySelector('table')).toBeNull()
  })
})
