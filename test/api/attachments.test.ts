/** Evidence files: type- and size-checked, stored, and readable only by those who may see them. */
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'pingnan-medical-alliance'

describe('/api/attachments', () => {
  let t: TestApp
  let planId: string
  let finance: Client
  let price: Client

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ planId } = await startBundledPlan(t, 'pingnan'))
    finance = await loginAs(t, 'finance', {
      units: [{ policyId: POLICY, unitId: 'county-finance-bureau' }],
    })
    price = await loginAs(t, 'price', {
      units: [{ policyId: POLICY, unitId: 'county-price-bureau' }],
    })
  })

  const upload = (client: Client, type: string, name: string, body: string) =>
    client.raw('/api/attachments', {
      method: 'POST',
      headers: { 'content-type': type, 'x-filename': encodeURIComponent(name) },
      body,
    })

  it('stores an accepted file and gives it back to its uploader, byte for byte', async () => {
    const response = await upload(
      finance,
      'text/csv',
      '资金到位表.csv',
      '单位,金额\n县人民医院,100\n',
    )
    expect(response.status).toBe(201)
    const { id, name, size } = (await response.json()) as { id: string; name: string; size: number }
    expect(name).toBe('资金到位表.csv')
    expect(size).toBe(Buffer.byteLength('单位,金额\n县人民医院,100\n'))
    const download = await finance.get(`/api/attachments/${id}`)
    expect(download.status).toBe(200)
    expect(await download.text()).toBe('单位,金额\n县人民医院,100\n')
    expect(download.headers.get('content-disposition')).toContain(
      encodeURIComponent('资金到位表.csv'),
    )
  })

  it('refuses a type an office does not file, and an empty file', async () => {
    expect((await upload(finance, 'application/x-msdownload', 'setup.exe', 'MZ')).status).toBe(415)
    expect((await upload(finance, 'application/pdf', 'empty.pdf', '')).status).toBe(400)
  })

  it('hides a file from other units until a report they can see refers to it', async () => {
    const { id } = (await (
      await upload(finance, 'application/pdf', '说明.pdf', '%PDF-1.4')
    ).json()) as { id: string }
    expect((await price.get(`/api/attachments/${id}`)).status).toBe(404)
    const task = await taskId(t, planId, 'duty-finance-bureau', 'county-finance-bureau')
    expect(
      (
        await finance.post(`/api/tasks/${task}/events`, {
          type: 'SUBMIT',
          data: { summary: '已落实', evidence: [id] },
        })
      ).status,
    ).toBe(200)
    const office = await loginAs(t, 'office', {
      roles: ['reviewer'],
      units: [{ policyId: POLICY, unitId: 'leadership-group-office' }],
    })
    expect((await office.get(`/api/attachments/${id}`)).status).toBe(200) // the reviewer of that report
    expect((await price.get(`/api/attachments/${id}`)).status).toBe(404)
  })

  it('will not let a report refer to someone else’s upload', async () => {
    const { id } = (await (
      await upload(finance, 'application/pdf', '别人的.pdf', '%PDF-1.4')
    ).json()) as { id: string }
    const task = await taskId(t, planId, 'duty-price-bureau', 'county-price-bureau')
    const response = await price.post(`/api/tasks/${task}/events`, {
      type: 'SUBMIT',
      data: { summary: '已完善', evidence: [id] },
    })
    expect(response.status).toBe(422)
    expect((await response.json()).error.issues[0].pointer).toBe('/data/evidence/0')
  })
})
