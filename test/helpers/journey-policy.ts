/**
 * The policy and the people of a county that adopts luoshi on its own, for the production
 * journeys (API and browser): the minimal policy for 东县, with two hospitals named in the config
 * and a duty owned by "the member hospitals" — a group the document leaves open, whose members the
 * office names at start from those config units — and twenty staff to import.
 */
import ExcelJS from 'exceljs'
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from './minimal-policy.ts'

export const JOURNEY_REGION = { name: '东县', level: 'county', divisionCode: '350981' } as const
export const JOURNEY_POLICY_ID = 'dongxian-county-plan'
export const JOURNEY_SOURCE = MINIMAL_SOURCE

export const JOURNEY_POLICY = [
  ['id: demo-county-plan', `id: ${JOURNEY_POLICY_ID}`],
  [
    'region: { name: 示范县, level: county, parent: 示范市 }',
    `region: { name: ${JOURNEY_REGION.name}, level: county, parent: 示范市, code: '${JOURNEY_REGION.divisionCode}' }`,
  ],
  [
    `    - id: reform-office
      name: 县医改办
      kind: office`,
    `    - id: reform-office
      name: 县医改办
      kind: office
    - id: people-hospital
      name: 县人民医院
      kind: hospital
    - id: tcm-hospital
      name: 县中医院
      kind: hospital`,
  ],
  [
    'responsibilities:\n',
    `responsibilities:
  - id: hospital-visits
    title: 提高县域内就诊率
    lead: [hospitals]
    due: 2018年12月31日前
    source: { clause: 一、(一), quote: 县域内就诊率达到90%以上 }
`,
  ],
].reduce((text, [search, replacement]) => withReplaced(search!, replacement!, text), MINIMAL_POLICY)

/** The members the office names at start: the two hospitals of the config. */
export const JOURNEY_MEMBERS = {
  hospitals: [
    { id: 'people-hospital', name: '县人民医院' },
    { id: 'tcm-hospital', name: '县中医院' },
  ],
}

/** The units the staff are spread over, by their config names, as an office writes them. */
const STAFF_UNITS = [
  ['县卫健局', 'health-bureau'],
  ['县财政局', 'finance-bureau'],
  ['县人民医院', 'people-hospital'],
  ['县中医院', 'tcm-hospital'],
] as const

/** Twenty staff: four units, five people each. */
export const JOURNEY_STAFF = Array.from({ length: 20 }, (_, index) => {
  const [unitName, unitId] = STAFF_UNITS[index % STAFF_UNITS.length]!
  return {
    displayName: `${unitName}职员${index + 1}`,
    username: `dx.staff${String(index + 1).padStart(2, '0')}`,
    unitName,
    unitId,
  }
})

/** The import workbook: the template's five columns, one row per person. */
export async function journeyStaffWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('用户')
  sheet.addRow(['姓名', '用户名', '单位', '角色', '手机'])
  for (const person of JOURNEY_STAFF)
    sheet.addRow([person.displayName, person.username, person.unitName, '部门', ''])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
