import { startTask } from '../server/workflow/run-machine.js'
import { taskMachine } from '../server/workflow/task-machine.js'
import { planEscalation } from '../server/timers/fire-times.js'
import { DEFAULT_ESCALATION } from '../schemas/index.js'
import { WorkingDayCalendar } from '../server/deadlines/index.js'
const cal = WorkingDayCalendar.mainland()
const t = () => performance.now()
for (let r = 0; r < 2; r++) {
let s = t(); for (let i = 0; i < 280000; i++) JSON.stringify(startTask(taskMachine, { reviewer: 'reform-office', pendingContributions: 0 })); console.log('startTask+stringify ×280k (small heap)', (t() - s).toFixed(0), 'ms')
s = t(); for (let i = 0; i < 280000; i++) planEscalation('2019-06-30', DEFAULT_ESCALATION as any, cal); console.log('planEscalation ×280k (small heap)', (t() - s).toFixed(0), 'ms')
}
console.log(JSON.stringify(DEFAULT_ESCALATION))
