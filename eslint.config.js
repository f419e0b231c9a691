// @ts-check
/**
 * The linter looks for bugs, not style (Prettier owns the layout). Each rule below is one a
 * reviewer would otherwise have to catch by eye; a rule that only argues with working code is left
 * out. TypeScript files are linted with type information, so the promise rules see what a call
 * returns.
 */
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores(['dist/', 'test-results/', 'data/', '.prof/', '.vitest/', 'coverage/']),
  {
    // eslint's recommended set is correctness only (no-fallthrough, no-dupe-keys,
    // no-unsafe-finally, no-cond-assign, …).
    files: ['**/*.{js,mjs,ts}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.ts'],
    // Turns off the recommended rules TypeScript itself already checks (no-undef, no-redeclare, …):
    // there they only misread overloads, types and globals.
    extends: [tseslint.configs.eslintRecommended],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // A promise nobody awaits loses its rejection and its ordering: a write that fails is never
      // reported, or a response is sent before the write. Fire-and-forget is written `void` with
      // the reason beside it.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async callback where a void one is expected (an event listener, forEach, a setter)
      // runs unawaited, so its failure goes nowhere; a promise in a condition is always true.
      '@typescript-eslint/no-misused-promises': 'error',
      // Awaiting a value that is not a promise means the author thought it was one.
      '@typescript-eslint/await-thenable': 'error',
      // An unused variable or import is dead code or a forgotten use. A leading `_` marks a
      // parameter a signature requires; rest siblings pick the fields they leave out.
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // A cast the compiler already agrees with hides the next change that makes it wrong.
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // `==` coerces ('' == 0); comparing with null also matches undefined, which is its one use.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Ranges with control characters are deliberate here: a file name is refused for containing
      // one (server/http/file-name.ts), and `[^\x00-\x7f]` asks whether text is ASCII.
      'no-control-regex': 'off',
    },
  },
)
