#!/usr/bin/env node
// The `luoshi` command. The code base is TypeScript run through tsx's loader, so the command
// works straight from a clone with no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../server/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
