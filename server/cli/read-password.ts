/**
 * @module A password for the command line: typed twice at a terminal without echo, or the first
 * line of piped stdin — never an argument, where `ps` and the shell's history would keep it.
 */

/** The password: typed twice at a terminal without echo, or the first line of piped stdin. */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    const [line = ''] = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)
    if (line === '') throw new Error('标准输入为空 / stdin is empty')
    return line
  }
  const first = await promptHidden('密码 / password: ')
  const second = await promptHidden('再次输入 / again: ')
  if (first !== second) throw new Error('两次输入不一致 / the two entries differ')
  return first
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin
  // Echo goes off before the prompt shows: what is typed once it is visible is never echoed.
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  process.stderr.write(question)
  return new Promise((resolvePassword, reject) => {
    let value = ''
    const finish = () => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish()
          return resolvePassword(value)
        }
        if (char === '\u0003' || char === '\u0004') {
          finish()
          return reject(new Error('已取消 / cancelled'))
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('')
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}
