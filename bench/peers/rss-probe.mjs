// Preloaded into a measured process (`node --import ./bench/peers/rss-probe.mjs ...`): at exit,
// write the process's peak resident set size (KB, worker threads included) to $BENCH_RSS_FILE.
import {writeFileSync} from 'node:fs'

const file = process.env.BENCH_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
