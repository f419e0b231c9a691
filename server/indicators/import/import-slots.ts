/**
 * @module One import per user at a time. An import holds a file of up to 8 MB, a worker and a
 * write; a user who uploads again before the first finishes (a double click, a script in a
 * loop) gets a 409 at once instead of queueing more of them.
 */
import { AppError } from '../../errors.ts'

const running = new Set<string>()

/**
 * Takes the user's import slot.
 * @returns the function that gives it back (call it in `finally`)
 * @throws AppError 409 `conflict` when the user's previous import is still running
 */
export function takeImportSlot(userId: string): () => void {
  if (running.has(userId)) {
    throw new AppError(409, 'conflict', {
      zh: '你的上一个导入仍在进行中，请等它完成后再上传',
      en: 'Your previous import is still running; wait for it to finish, then upload again',
    })
  }
  running.add(userId)
  return () => running.delete(userId)
}
