/**
 * @module Live validation for the editor: runs the server's own validator in the browser a short
 * while after the last edit, then the config's policy tests (考核测试) when it validates, keeps
 * the last config that validated for the previews, and locates JSON pointers in the text. The
 * validator and the tests' runner are loaded with `import()` on first use.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { PolicyConfig } from '../../../schemas/index.ts'
import type { PolicyTestResult } from '../../../domain/scoring/run-policy-tests.ts'
import type { ApiIssue } from '../../api.ts'
import { LatestOnly } from '../../latest-only.ts'

type Tools = typeof import('./policy-tools.ts')

/** What is validated: the YAML and the source document (empty: quotes are not checked). */
export interface ValidationInput {
  yaml: string
  sourceText: string
}

export class PolicyValidation implements ReactiveController {
  /** The issues of the latest run (or those the server returned on publish). */
  issues: ApiIssue[] = []
  /** True once the current text has been validated. */
  checked = false
  /** The last config that validated. */
  policy: PolicyConfig | undefined
  /** True when the current text has errors (and `policy` is older). */
  stale = false
  /** `metadata.id` of the latest text, when it reads as an id. */
  policyId: string | undefined
  /** The policy tests of the last config that validated, each placed at its line. */
  tests: PolicyTestResult[] | undefined
  /** Why the policy tests could not run, when they threw (a scoring bug, not the author's). */
  testsError: string | undefined

  #tools: Promise<Tools> | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  readonly #runs = new LatestOnly()

  private readonly host: ReactiveControllerHost
  private readonly read: () => ValidationInput
  private readonly delay: number

  constructor(host: ReactiveControllerHost, read: () => ValidationInput, delay: number = 300) {
    this.host = host
    this.read = read
    this.delay = delay
    host.addController(this)
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer)
  }

  private tools(): Promise<Tools> {
    this.#tools ??= import('./policy-tools.ts')
    return this.#tools
  }

  /** Forgets everything (another policy was opened) and validates soon. */
  reset(): void {
    this.policy = undefined
    this.tests = undefined
    this.testsError = undefined
    this.checked = false
    this.schedule(0)
  }

  /** Validates after the delay, replacing a run already scheduled. */
  schedule(delay = this.delay): void {
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.run(), delay)
  }

  private async run(): Promise<void> {
    const current = this.#runs.begin()
    const { validatePolicyText, runPolicyTests } = await this.tools()
    if (!current()) return
    const { yaml, sourceText } = this.read()
    const result = validatePolicyText(yaml, {
      file: 'policy.yaml',
      ...(sourceText.trim() ? { readSource: () => sourceText } : {}),
    })
    this.issues = result.issues
    this.checked = true
    if (result.ok) {
      this.policy = result.policy
      try {
        this.tests = runPolicyTests(result.policy, result.locate)
        this.testsError = undefined
      } catch (error) {
        this.tests = undefined
        this.testsError = String(error)
      }
    }
    this.stale = !result.ok
    const id = (result.policy as { metadata?: { id?: unknown } } | undefined)?.metadata?.id
    this.policyId =
      typeof id === 'string' && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id) ? id : undefined
    this.host.requestUpdate()
  }

  /** Shows issues that came from elsewhere (the server's answer to a publish). */
  show(issues: ApiIssue[]): void {
    this.issues = issues
    this.host.requestUpdate()
  }

  /** The line and column of the node a JSON pointer names, in the given text. */
  async locate(yaml: string, pointer: string): Promise<{ line: number; col: number }> {
    return (await this.tools()).parseYamlSource(yaml).locate(pointer)
  }
}
