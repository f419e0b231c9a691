/**
 * @module The `luoshi` command line: `validate` and `explain` policy configs, `test` runs the
 * policy tests written inside them, `audit verify` checks a data folder's audit chain offline,
 * `admin create` makes a system administrator (the first account of a production start), `admin
 * reset-password` sets a new password for a locked-out account, `admin backup` / `restore` copy
 * the SQLite database, `admin attachments` finds objects no row names in the attachment bucket.
 */
import { loadPolicyFile } from '../policies/load-policy.ts'
import { explainPolicy } from '../../domain/compiler/explain-policy.ts'
import { ADMIN_USAGE, adminCommand } from './admin-command.ts'
import { AUDIT_USAGE, auditCommand } from './audit-command.ts'
import { formatIssue, formatSummary } from './format-issues.ts'
import { testPolicies } from './test-command.ts'

const USAGE = `用法 / usage:
  luoshi validate <file.yaml…> [--json]   校验配置，逐条列出错误 / validate configs, list every issue
  luoshi explain <file.yaml…>             输出可读摘要 / print a readable summary
  luoshi test <file.yaml…> [--json]       运行配置中的考核测试用例 / run the policy tests in configs
${AUDIT_USAGE}
${ADMIN_USAGE}
  luoshi help`

/** Runs the CLI; returns the exit code (0 when every file is valid). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const json = rest.includes('--json')
  const files = rest.filter((arg) => !arg.startsWith('--'))
  switch (command) {
    case 'validate':
      return validate(files, json)
    case 'explain':
      return explain(files)
    case 'test':
      if (files.length === 0) {
        console.error(`请给出要测试的文件 / name the files to test\n${USAGE}`)
        return 2
      }
      return testPolicies(files, json)
    case 'audit':
      return auditCommand(rest)
    case 'admin':
      return adminCommand(rest)
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE)
      return command === undefined ? 2 : 0
    default:
      console.error(`未知命令「${command}」/ unknown command "${command}"\n${USAGE}`)
      return 2
  }
}

function validate(files: string[], json: boolean): number {
  if (files.length === 0) {
    console.error(`请给出要校验的文件 / name the files to validate\n${USAGE}`)
    return 2
  }
  const results = files.map((file) => loadPolicyFile(file))
  const issues = results.flatMap((result) => result.issues)
  if (json) {
    console.log(
      JSON.stringify(
        results.map(({ file, ok, issues }) => ({ file, ok, issues })),
        null,
        2,
      ),
    )
  } else {
    for (const result of results) {
      if (result.issues.length === 0) console.log(`✓ ${result.file}`)
      for (const issue of result.issues) console.log(formatIssue(issue) + '\n')
    }
    console.log(formatSummary(issues, files.length))
  }
  return results.every((result) => result.ok) ? 0 : 1
}

function explain(files: string[]): number {
  if (files.length === 0) {
    console.error(`请给出要说明的文件 / name the files to explain\n${USAGE}`)
    return 2
  }
  let failed = false
  for (const file of files) {
    const result = loadPolicyFile(file)
    if (!result.ok) {
      failed = true
      for (const issue of result.issues) console.log(formatIssue(issue) + '\n')
      console.log(formatSummary(result.issues, 1))
      continue
    }
    console.log(
      explainPolicy(result.policy, {
        file: result.file,
        ...(result.source ? { source: result.source } : {}),
      }),
    )
    for (const issue of result.issues) console.log(formatIssue(issue) + '\n')
  }
  return failed ? 1 : 0
}
