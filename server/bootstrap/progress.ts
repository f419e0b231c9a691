/**
 * @module What a starting server is doing, on its terminal: one line rewritten in place on a
 * terminal (each finished step stays as a line of its own), plain lines when the output is a file
 * or a pipe, so a log says the same without control characters.
 */

export interface Progress {
  /** A step begins: shown until the next one (a line of its own when not a terminal). */
  step(text: string): void
  /** How far the current step is (shown only on a terminal). */
  detail(text: string): void
  /** A finished step worth keeping on screen. */
  done(text: string): void
}

/** Says nothing (tests, and callers that report on their own). */
export const silentProgress: Progress = { step() {}, detail() {}, done() {} }

/** Progress on `stream` (stdout). */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stdout,
  started = Date.now(),
): Progress {
  const tty = stream.isTTY === true
  let current = ''
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
  const rewrite = (text: string) => {
    const width = Math.max(20, (stream.columns ?? 100) - 1)
    stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`)
  }
  return {
    step(text) {
      current = text
      if (tty) rewrite(`… ${text}`)
      else stream.write(`… ${text}\n`)
    },
    detail(text) {
      if (tty) rewrite(`… ${current} ${text}`)
    },
    done(text) {
      if (tty) stream.write('\r\x1b[K')
      stream.write(`✓ ${text} (${elapsed()})\n`)
    },
  }
}
