import { benchPlanStart } from './plan-start.bench.js'
for (const line of await benchPlanStart()) console.log(line)
