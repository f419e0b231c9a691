/**
 * @module The inbox's search (`GET /api/tasks?q=`): every word of the query, in any case, must
 * appear in the task's title, its unit's name or its clause (条款, such as 四、(二)).
 */
import type { TaskSummary } from '../../schemas/api/responses.schema.ts'

/** The longest query read; the rest is ignored. */
export const MAX_SEARCH_LENGTH = 100

/** The words of a query (split on spaces, full-width ones too), lower-cased; none for no query. */
export function searchWords(query: string | undefined): string[] {
  if (!query) return []
  return query
    .slice(0, MAX_SEARCH_LENGTH)
    .toLocaleLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean)
}

/** True when every word is found in the task's title, unit or clause. */
export function matchesSearch(
  task: Pick<TaskSummary, 'title' | 'assignee' | 'clause'>,
  words: readonly string[],
): boolean {
  if (words.length === 0) return true
  const haystack = [task.title, task.assignee.name, task.clause ?? '']
    .join('\n')
    .toLocaleLowerCase()
  return words.every((word) => haystack.includes(word))
}
