/** Imports, pure: a table in, the values to store and a row-by-row report out. */
import { buildResolver, importCsv, values } from './import-test-support.ts'

describe('importValues — wide layout', () => {
  it('reads headers by id, by name, and by name with the unit of measure in parentheses', async () => {
    const report = await importCsv(
      [
        '单位,期间,county_visits,参保人员就诊总人次（人次）,县域内医疗总费用（本年）（元）,群众满意度(%)',
        'dongpo-mc,2021,90240,100000,"1,234,567.89",95.5%',
        '仁寿县医共体,2021年,88000,100000,2000000,88',
      ].join('\n'),
    )
    expect(report).toMatchObject({ layout: 'wide', rows: 2, rejected: [], fatal: false })
    expect(values(report)).toEqual([
      'dongpo-mc 2021 county_visits=90240',
      'dongpo-mc 2021 total_visits=100000',
      'dongpo-mc 2021 county_total_cost=1234567.89',
      'dongpo-mc 2021 public-satisfaction=95.5',
      'renshou-mc 2021 county_visits=88000',
      'renshou-mc 2021 total_visits=100000',
      'renshou-mc 2021 county_total_cost=2000000',
      'renshou-mc 2021 public-satisfaction=88',
    ])
    expect(report.accepted[0]).toEqual({
      plan_id: 'plan-1',
      element_id: 'county_visits',
      unit_id: 'dongpo-mc',
      period: '2021',
      value: '90240',
      source: 'import',
      task_id: null,
      entered_by: 'user-1',
      entered_at: '2022-01-05T01:00:00.000Z',
    })
  })

  it('treats empty cells as not reported, and skips rows with nothing in them', async () => {
    const report = await importCsv(
      '单位,期间,county_visits,total_visits\ndongpo-mc,2021,,5\nrenshou-mc,2021,,\n,,,\npengshan-mc,2021, ,7\n',
    )
    expect(report.rejected).toEqual([])
    expect(values(report)).toEqual([
      'dongpo-mc 2021 total_visits=5',
      'pengshan-mc 2021 total_visits=7',
    ])
    expect(report.rows).toBe(3)
  })

  it('refuses the whole file for an unknown column, suggesting the nearest input', async () => {
    const report = await importCsv('单位,期间,县域内就诊人数,total_visits\ndongpo-mc,2021,1,2\n')
    expect(report.fatal).toBe(true)
    expect(report.accepted).toEqual([])
    expect(report.rejected).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'C',
        header: '县域内就诊人数',
        code: 'unknown-column',
      }),
    ])
    expect(report.rejected[0]!.message.zh).toBe(
      '第 1 行 C 列：不认识的列「县域内就诊人数」，是否为「县域内就诊人次」（county_visits）？',
    )
    expect(report.rejected[0]!.message.en).toContain(
      'did you mean "县域内就诊人次" (county_visits)',
    )
  })

  it('refuses a column whose unit of measure differs from the input’s', async () => {
    const report = await importCsv(
      '单位,期间,县域内医疗总费用（本年）（万元）\ndongpo-mc,2021,120\n',
    )
    expect(report.fatal).toBe(true)
    expect(report.rejected[0]).toMatchObject({ column: 'C', code: 'unit-mismatch' })
    expect(report.rejected[0]!.message.zh).toContain('以「元」填报')
  })

  it('says which fixed columns are missing, and refuses a column twice', async () => {
    const missing = await importCsv('county_visits\n5\n')
    expect(missing.fatal).toBe(true)
    expect(missing.rejected.map((r) => r.message.zh)).toEqual([
      '第 1 行：缺少「单位」列',
      '第 1 行：缺少「期间」列',
    ])
    const twice = await importCsv('单位,期间,county_visits,县域内就诊人次\ndongpo-mc,2021,1,1\n')
    expect(twice.rejected).toEqual([
      expect.objectContaining({ column: 'D', code: 'duplicate-column', input: 'county_visits' }),
    ])
  })

  it('reports every problem of a row at once: a bad period does not hide a bad value', async () => {
    const report = await importCsv(
      '单位,期间,county_visits,total_visits\ndongpo-mc,2022-13,-5,abc\n',
    )
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, 'B', 'invalid-period'],
      [2, 'C', 'invalid-value'],
      [2, 'D', 'invalid-value'],
    ])
    expect(report.accepted).toEqual([])
  })

  it('reads units from a 单位名称 column when the file has no 单位 column', async () => {
    const report = await importCsv('单位名称,期间,county_visits\n东坡区医共体,2021,90240\n')
    expect(report.rejected).toEqual([])
    expect(values(report)).toEqual(['dongpo-mc 2021 county_visits=90240'])
  })

  it('rejects text, out-of-range and fractional values cell by cell, and refuses their rows whole', async () => {
    const report = await importCsv(
      [
        '单位,期间,county_visits,total_visits,public-satisfaction',
        'dongpo-mc,2021,abc,100,120',
        'renshou-mc,2021,3.5,-5,99.5',
        'pengshan-mc,2021,7,8,0',
      ].join('\n'),
    )
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, 'C', 'invalid-value'],
      [2, 'E', 'invalid-value'],
      [3, 'C', 'invalid-value'],
      [3, 'D', 'invalid-value'],
    ])
    const [text, percentage, fraction, negative] = report.rejected.map((r) => r.message.zh)
    expect(text).toBe('第 2 行 C 列：县域内就诊人次（county_visits）应为数字，收到「abc」')
    expect(percentage).toContain('应在 0–100 之间')
    expect(fraction).toContain('应为整数')
    expect(negative).toContain('不小于 0')
    // Row 2's good total_visits is not stored without its county_visits: a rate would pair a new
    // denominator with an old numerator.
    expect(values(report)).toEqual([
      'pengshan-mc 2021 county_visits=7',
      'pengshan-mc 2021 total_visits=8',
      'pengshan-mc 2021 public-satisfaction=0',
    ])
  })

  it('keeps the first of two equal values and reports the repeat, naming its row', async () => {
    const report = await importCsv(
      '单位,期间,county_visits,total_visits\ndongpo-mc,2021,1,2\nrenshou-mc,2021,3,4\n东坡区医共体,2021年,1,\n',
    )
    expect(report.rejected).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'C',
        code: 'duplicate',
        unit: 'dongpo-mc',
        period: '2021',
        input: 'county_visits',
      }),
    ])
    expect(report.rejected[0]!.message.zh).toBe(
      '第 4 行 C 列：与第 2 行重复：dongpo-mc 2021 的县域内就诊人次（county_visits）已在该行填写同一数值，此处不再导入',
    )
    expect(values(report)).toEqual([
      'dongpo-mc 2021 county_visits=1',
      'dongpo-mc 2021 total_visits=2',
      'renshou-mc 2021 county_visits=3',
      'renshou-mc 2021 total_visits=4',
    ])
  })

  it('refuses both of two different values for one unit, period and input, and their rows', async () => {
    const report = await importCsv(
      '单位,期间,county_visits,total_visits\ndongpo-mc,2021,9000,10000\nrenshou-mc,2021,3,4\n东坡区医共体,2021年,5000,\n',
    )
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, 'C', 'duplicate'],
      [4, 'C', 'duplicate'],
    ])
    expect(report.rejected[0]!.message.zh).toBe(
      '第 2 行 C 列：与第 4 行矛盾：dongpo-mc 2021 的县域内就诊人次（county_visits）填了不同的数值，无法判断哪个正确，均不导入',
    )
    expect(values(report)).toEqual([
      'renshou-mc 2021 county_visits=3',
      'renshou-mc 2021 total_visits=4',
    ])
  })

  it('rejects an unknown unit with a did-you-mean by name, and accepts ids, names, aliases and the region', async () => {
    const report = await importCsv(
      '单位,期间,county_visits\n东坡区医共,2021,1\n不存在的单位XYZ,2021,2\n眉山市东坡区医共体,2020,3\n眉山市,2021,4\nregion,2020,5\n',
    )
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, 'A', 'unknown-unit'],
      [3, 'A', 'unknown-unit'],
    ])
    expect(report.rejected[0]!.message.zh).toBe(
      '第 2 行 A 列：找不到单位「东坡区医共」，是否为「东坡区医共体」（dongpo-mc）？',
    )
    expect(report.rejected[1]!.message.zh).not.toContain('是否为')
    expect(values(report)).toEqual([
      'dongpo-mc 2020 county_visits=3',
      'region 2021 county_visits=4',
      'region 2020 county_visits=5',
    ])
  })

  it('checks the period, and that it is not finer than each input’s frequency', async () => {
    const report = await importCsv(
      '单位,期间,county_visits,monthly_visits\ndongpo-mc,2021-13,1,2\ndongpo-mc,2021-03,3,4\ndongpo-mc,2021-Q2,,5\n',
    )
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, 'B', 'invalid-period'],
      [3, 'C', 'period-too-fine'],
    ])
    expect(report.rejected[1]!.message.zh).toContain('县域内就诊人次（county_visits）按年报送')
    expect(values(report)).toEqual(['dongpo-mc 2021-Q2 monthly_visits=5'])
  })

  it('lets a department write only its own units (per-row rejection), and not the region', async () => {
    const report = await importCsv(
      '单位,期间,county_visits\ndongpo-mc,2021,1\nrenshou-mc,2021,2\nregion,2021,3\n',
      buildResolver(['dongpo-mc']),
    )
    expect(report.rejected.map((r) => [r.row, r.code])).toEqual([
      [3, 'not-your-unit'],
      [4, 'not-your-unit'],
    ])
    expect(report.rejected[0]!.message.zh).toContain(
      '不能填报「仁寿县医共体」的数据；你可填报的单位：东坡区医共体',
    )
    expect(values(report)).toEqual(['dongpo-mc 2021 county_visits=1'])
  })

  it('reports data under a column without a header', async () => {
    const report = await importCsv('单位,期间,county_visits,\ndongpo-mc,2021,1,99\n')
    expect(report.rejected).toEqual([
      expect.objectContaining({ row: 2, column: 'D', code: 'no-header' }),
    ])
  })
})

describe('importValues — long layout', () => {
  it('reads one value per row, inputs by id or name, yes/no values included', async () => {
    const report = await importCsv(
      '单位,期间,指标,数值,备注\ndongpo-mc,2021,county_visits,90240,\n仁寿县医共体,2021,参保人员就诊总人次,100000,口径同上年\ndongpo-mc,2021,drg_started,是,\n',
    )
    expect(report).toMatchObject({ layout: 'long', rows: 3, rejected: [] })
    expect(values(report)).toEqual([
      'dongpo-mc 2021 county_visits=90240',
      'renshou-mc 2021 total_visits=100000',
      'dongpo-mc 2021 drg_started=true',
    ])
  })

  it('reports unknown inputs, missing values and repeats at their cells', async () => {
    const report = await importCsv(
      'unit,period,element,value\ndongpo-mc,2021,county_visit,1\ndongpo-mc,2021,county_visits,\ndongpo-mc,2021,county_visits,2\ndongpo-mc,2021,县域内就诊人次,2\ndongpo-mc,2021,total_visits,3\ndongpo-mc,2021,total_visits,4\n',
    )
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, 'C', 'unknown-input'],
      [3, 'D', 'missing-value'],
      [5, undefined, 'duplicate'],
      [6, undefined, 'duplicate'],
      [7, undefined, 'duplicate'],
    ])
    expect(report.rejected[0]!.message.zh).toContain('是否为「县域内就诊人次」（county_visits）')
    expect(report.rejected[2]!.message.zh).toContain('与第 4 行重复')
    expect(report.rejected[3]!.message.zh).toContain('与第 7 行矛盾')
    expect(values(report)).toEqual(['dongpo-mc 2021 county_visits=2'])
  })

  it('refuses a long table that also has input columns', async () => {
    const report = await importCsv(
      '单位,期间,指标,数值,county_visits\ndongpo-mc,2021,total_visits,1,2\n',
    )
    expect(report.fatal).toBe(true)
    expect(report.rejected).toEqual([
      expect.objectContaining({ column: 'E', code: 'mixed-layout' }),
    ])
  })
})
