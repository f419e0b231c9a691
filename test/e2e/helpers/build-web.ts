/** Builds the web app once before the browser tests, as `npm start` would. */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    stdio: 'inherit',
    // Vitest runs with NODE_ENV=test, which would make Vite resolve Lit's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  })
}
