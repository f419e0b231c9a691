/**
 * @module The validator, the positioned YAML parser and the policy tests' runner, loaded together
 * with `import()` when the editor first validates (they bring Ajv, the schema, the YAML parsers,
 * the holiday data and the scoring engine).
 */
export { validatePolicyText } from '../../../domain/compiler/validate-policy.ts'
export { parseYamlSource } from '../../../domain/compiler/yaml-document.ts'
export { runPolicyTests } from '../../../domain/scoring/run-policy-tests.ts'
