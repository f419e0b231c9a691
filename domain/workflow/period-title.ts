/**
 * @module A recurring task's title names its period, so two tasks of one duty read apart in a
 * list, a notification or an export: `2021年 指标数据填报（年度）`, `2021年第3季度 …`,
 * `2021年7月 …`. A one-off task (`once`) keeps its title as the document writes it.
 */

/** The period as Chinese staff write it: 2021年, 2021年第3季度, 2021年7月; '' for `once`. */
export function periodPrefix(period: string): string {
  if (period === 'once') return ''
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period)
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`
  const month = /^(\d{4})-M?(\d{2})$/.exec(period)
  if (month) return `${month[1]}年${Number(month[2])}月`
  if (/^\d{4}$/.test(period)) return `${period}年`
  return period
}

/**
 * The title with its period before it, unless the task is a one-off or its title already names
 * the period (a yearly task's title that holds its year, as 整改：…（2021 年…考核）).
 */
export function titleWithPeriod(title: string, period: string): string {
  const prefix = periodPrefix(period)
  if (!prefix || title.includes(prefix)) return title
  if (/^\d{4}$/.test(period) && title.includes(period)) return title
  return `${prefix} ${title}`
}
