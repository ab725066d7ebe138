// Preloaded into a measured process (`node --import ./bench/peers/usage-probe.mjs ...`): at exit,
// write the process's peak resident set size (KB, worker threads included) and CPU seconds
// (user + system) to $BENCH_RSS_FILE as JSON.
import {writeFileSync} from 'node:fs'

const file = process.env.BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(file, JSON.stringify({maxRSS: usage.maxRSS, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6}))
  })
}
