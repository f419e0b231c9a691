/**
 * @module The validator and the positioned YAML parser, loaded together with `import()` when the
 * editor first validates (they bring Ajv, the schema, the YAML parsers and the holiday data).
 */
export { validatePolicyText } from '../../../server/compiler/validate-policy.js'
export { parseYamlSource } from '../../../server/compiler/yaml-document.js'
