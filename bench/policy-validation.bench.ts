/**
 * Validation cost of policy configs: YAML parse with positions, Ajv schema, every semantic check
 * (references, grades, deadlines, formulas, forms, verbatim quotes against the source).
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { validatePolicyText } from '../domain/compiler/validate-policy.ts'
import { allPolicyFiles } from '../test/helpers/policy-files.ts'
import { generatePolicy } from '../test/helpers/generated-policy.ts'
import { measure, report } from './measure.ts'

const TARGETS: Record<string, number> = { pingnan: 20 }

export function benchPolicyValidation(): string[] {
  const lines = ['', 'Policy validation (parse + schema + semantic checks + quotes)']
  for (const file of allPolicyFiles()) {
    const text = readFileSync(file, 'utf8')
    const source = readFileSync(join(dirname(file), 'source.txt'), 'utf8')
    const region = file.split('/')[1]!
    const timing = measure(() => {
      const result = validatePolicyText(text, { file, readSource: () => source })
      if (!result.ok) throw new Error(`${file} does not validate`)
    })
    lines.push(report(`${file} (${text.split('\n').length} lines)`, timing, TARGETS[region]))
  }
  // With an error the positioned parser runs too, to place the issue at its line.
  const pingnan = allPolicyFiles().find((file) => file.includes('pingnan'))!
  const broken = readFileSync(pingnan, 'utf8').replace(
    'lead: [county-finance-bureau]',
    'lead: [county-finance-bureu]',
  )
  const pingnanSource = readFileSync(join(dirname(pingnan), 'source.txt'), 'utf8')
  lines.push(
    report(
      `${pingnan} with one broken reference`,
      measure(() => {
        const result = validatePolicyText(broken, { readSource: () => pingnanSource })
        if (result.ok || !result.issues[0]?.line)
          throw new Error('the broken reference was not reported at a line')
      }),
    ),
  )
  const big = generatePolicy(1000)
  const timing = measure(
    () => {
      const result = validatePolicyText(big.text, { readSource: () => big.source })
      if (!result.ok)
        throw new Error(`generated policy does not validate: ${JSON.stringify(result.issues[0])}`)
    },
    { runs: 15, warmup: 3 },
  )
  lines.push(report('generated: 1,000 responsibilities, 50 units', timing, 300))
  return lines
}
