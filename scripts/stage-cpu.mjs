// Per-stage process CPU over the 5.3 MB repeated VOA corpus, steady state (round 1 is warm-up).
// node scripts/stage-cpu.mjs [rounds=4]   (run `npx tsc -p tsconfig.json` first: it reads dist/)
import { newDoc } from '../dist/src/core/pipeline.js'
import { createCoder } from '../dist/src/coder.js'
import { loadRepeatedCorpus } from '../dist/bench/_corpus.js'
const arts = loadRepeatedCorpus(new URL('../data/sample/voa_stories.jsonl', import.meta.url).pathname, 5*1024*1024, { titles: true })
const cpu = () => { const u = process.cpuUsage(); return (u.user+u.system)/1e6 }
const coder = createCoder()
const rounds = +(process.argv[2] ?? 4)
const best = {}
for (let r = 0; r < rounds; r++) {
  const per = {}; const c = cpu(); let ev = 0
  for (const a of arts) { const d = newDoc({...a}); for (const s of coder.stages) { const t = cpu(); s.run(d); per[s.name] = (per[s.name] ?? 0) + cpu() - t } ev += d.events.length }
  console.log(`round ${r + 1}${r === 0 ? ' (warm-up)' : ''}: total ${(cpu() - c).toFixed(2)}`, Object.entries(per).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', '), `events ${ev}`)
  if (r > 0) for (const [k, v] of Object.entries(per)) best[k] = Math.min(best[k] ?? Infinity, v)
}
console.log('best after warm-up:', Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', '))
