/**
 * Where a server's CPU goes, by stage of a request, from a V8 CPU profile (`node --cpu-prof`):
 * each sample is given to the innermost frame that names a stage, so SQL run while checking a
 * session counts as SQL, and the session check's own JavaScript as auth; the audit hash, the
 * machine, validation and the commit hold what runs beneath them. The bench takes the profile
 * over the inspector of the server it started, for one phase of load only (inspector-profile.ts).
 */

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}

export interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export const STAGES = [
  'http',
  'parse',
  'auth',
  'validate',
  'machine',
  'query building',
  'SQL',
  'audit hash',
  'commit',
  'handlers',
  'garbage collection',
  'other',
] as const
export type Stage = (typeof STAGES)[number]

/**
 * Stages that hold whatever runs beneath them (the HMAC under the audit hash, Node's own code
 * under a form's validation): looked for first, from the innermost frame out.
 */
function enclosingStage(frame: ProfileNode['callFrame']): Stage | undefined {
  const { functionName: name, url } = frame
  if (name === '(garbage collector)') return 'garbage collection'
  if (name === 'commitTransaction') return 'commit'
  if (url.includes('better-sqlite3') || (url.includes('sqlite-driver') && name === 'executeQuery'))
    return 'SQL'
  if (url.includes('/pg/') || url.includes('pg-protocol')) return 'SQL'
  if (name === 'auditHash') return 'audit hash'
  if (url.includes('/xstate/') || url.includes('run-machine.ts')) return 'machine'
  // Ajv compiles each schema into an anonymous-file function named validate<N>.
  if (
    url.includes('/ajv/') ||
    url.includes('schema-issues.ts') ||
    url.endsWith('/schemas/ajv.ts') ||
    (url === '' && /^validate\d*$/.test(name))
  )
    return 'validate'
  return undefined
}

/** The other stages: the innermost frame that names one decides. */
function innermostStage(frame: ProfileNode['callFrame']): Stage | undefined {
  const { functionName: name, url } = frame
  if (url.includes('/kysely/')) return 'query building'
  if (url.includes('valid-json.ts') || url.includes('json-columns.ts') || name === 'parse')
    return 'parse'
  if (/(authenticate|sessions|users|region-reach)\.ts$/.test(url)) return 'auth'
  if (
    url.startsWith('node:') ||
    url.includes('/hono/') ||
    url.includes('@hono/node-server') ||
    url.includes('undici')
  )
    return 'http'
  if (url.includes('/server/') || url.includes('/domain/')) return 'handlers'
  return undefined
}

/** CPU ms by stage over the whole profile (idle time left out). */
export function cpuByStage(profile: Profile): Map<Stage, number> {
  const parent = new Map<number, ProfileNode>()
  const byId = new Map<number, ProfileNode>()
  for (const node of profile.nodes) {
    byId.set(node.id, node)
    for (const child of node.children ?? []) parent.set(child, node)
  }
  const stageOfNode = new Map<number, Stage>()
  const stageOf = (node: ProfileNode): Stage => {
    const known = stageOfNode.get(node.id)
    if (known) return known
    const frames: ProfileNode[] = []
    for (let at: ProfileNode | undefined = node; at; at = parent.get(at.id)) frames.push(at)
    // The commit's statement is SQL beneath commitTransaction: the outermost enclosing stage
    // that is a commit wins over the SQL it runs.
    let stage: Stage | undefined
    for (const frame of frames) {
      const found = enclosingStage(frame.callFrame)
      if (found === 'commit') stage = 'commit'
      else if (found && !stage) stage = found
    }
    if (!stage) for (const frame of frames) if ((stage = innermostStage(frame.callFrame))) break
    stage ??= 'other'
    stageOfNode.set(node.id, stage)
    return stage
  }
  const totals = new Map<Stage, number>(STAGES.map((stage) => [stage, 0]))
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0
    const node = byId.get(id)!
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)')
      return
    const stage = stageOf(node)
    totals.set(stage, totals.get(stage)! + delta / 1000)
  })
  return totals
}
