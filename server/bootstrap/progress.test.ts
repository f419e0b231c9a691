/** Start-up progress: rewritten in place on a terminal, plain lines in a log. */
import { PassThrough } from 'node:stream'
import { terminalProgress } from './progress.ts'

function stream(tty: boolean): { out: NodeJS.WriteStream; text: () => string } {
  const pass = new PassThrough()
  let text = ''
  pass.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  Object.assign(pass, { isTTY: tty, columns: 80 })
  return { out: pass as unknown as NodeJS.WriteStream, text: () => text }
}

describe('start-up progress', () => {
  it('writes plain lines without control characters when the output is not a terminal', () => {
    const { out, text } = stream(false)
    const progress = terminalProgress(out, Date.now())
    progress.step('迁移数据库 / migrating the database')
    progress.detail('2019-03-01')
    progress.done('数据库就绪 / database ready')
    expect(text()).toMatch(
      /^… 迁移数据库 \/ migrating the database\n✓ 数据库就绪 \/ database ready \(\d+\.\d s\)\n$/,
    )
  })

  it('rewrites one line on a terminal, and keeps each finished step on a line of its own', () => {
    const { out, text } = stream(true)
    const progress = terminalProgress(out, Date.now())
    progress.step('模拟历史 / simulating')
    progress.detail('2019-03-01')
    progress.done('已结束的计划 / ended plan')
    expect(text().split('\r\x1b[K')).toEqual([
      '',
      '… 模拟历史 / simulating',
      '… 模拟历史 / simulating 2019-03-01',
      expect.stringMatching(/^✓ 已结束的计划 \/ ended plan \(\d+\.\d s\)\n$/),
    ])
  })
})
