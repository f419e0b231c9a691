// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api.ts'
import { errorsByRow } from '../../errors-by-field.ts'
import { setLocale } from '../../i18n.ts'
import { channelsBody } from './notify-channels.component.ts'

const kept = {
  key: 1,
  id: 'c1',
  unit: 'finance',
  kind: 'dingtalk' as const,
  target: 'https://oapi.dingtalk.com/robot/send?access_token=0123…',
  shownTarget: 'https://oapi.dingtalk.com/robot/send?access_token=0123…',
  maskedSecret: 'SEC0…',
  secret: '',
}

describe('the channels a save sends', () => {
  it('leaves a kept channel’s masked target and empty secret out, so the stored ones stay', () => {
    expect(channelsBody([kept])).toEqual({
      channels: [{ id: 'c1', unit: 'finance', kind: 'dingtalk' }],
    })
  })

  it('sends a changed target and a new secret, and a new channel without an id', () => {
    const changed = { ...kept, target: ' https://oapi.dingtalk.com/robot/send?access_token=new ' }
    const added = {
      key: 2,
      unit: 'health',
      kind: 'email' as const,
      target: 'a@example.gov.cn',
      maskedSecret: null,
      secret: '',
    }
    expect(channelsBody([{ ...changed, secret: 'SECnew' }, added]).channels).toEqual([
      {
        id: 'c1',
        unit: 'finance',
        kind: 'dingtalk',
        target: 'https://oapi.dingtalk.com/robot/send?access_token=new',
        secret: 'SECnew',
      },
      { unit: 'health', kind: 'email', target: 'a@example.gov.cn' },
    ])
  })
})

describe('a failed save’s messages by row', () => {
  it('puts each issue at its row and the rest at the whole form', () => {
    setLocale('zh')
    const error = new ApiError(
      422,
      'invalid-body',
      { zh: '通知渠道设置有误', en: 'Bad channels' },
      {
        issues: [
          { pointer: '/channels/1/target', message: { zh: '不是有效的邮箱地址', en: 'Bad' } },
          { pointer: '/channels', message: { zh: '重复', en: 'Twice' } },
        ],
      },
    )
    expect(errorsByRow(error, 'channels')).toEqual({
      '': ['通知渠道设置有误', '重复'],
      '1': ['不是有效的邮箱地址'],
    })
  })
})
