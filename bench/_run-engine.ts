import { benchEngine } from './engine.bench.js'
for (const line of await benchEngine()) console.log(line)
