#!/usr/bin/env node
// The `luoshi` command. Node runs the TypeScript code base as it is (its own type stripping), so
// the command works straight from a clone with no build step.
const { main } = await import('../server/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
