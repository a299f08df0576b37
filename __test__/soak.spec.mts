// The event loop and memory under load: the async functions leave the event loop free while
// hundreds of MiB are made, and the RSS stays flat over millions of calls.

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'

import { fillRandom, fillRandomAsync, tokenBytesAsync } from 'napi-secrets'
import test from './helpers/test.mjs'

const MiB = 2 ** 20

test.serial('the async functions keep the event loop turning while 768 MiB are made', async (t) => {
  // A synchronous fill of 256 MiB blocks the loop for its whole duration; the async functions
  // work in 1 MiB slices on libuv's pool, so no gap comes near it (collections of the external
  // memory make the longest ones: 10-25 ms here, 67 ms once on Node.js 24, against 80-120 ms).
  // (Planted once: the async fills done synchronously left one gap of 163 ms, twice the
  // synchronous fill's, as the three awaits then resolve without the loop turning.)
  const view = new Uint8Array(256 * MiB)
  const start = process.hrtime.bigint()
  fillRandom(view)
  const blocking = Number(process.hrtime.bigint() - start) / 1e6
  // The longest gap between ticks of a 1 ms timer, counting from the start and to the end: a
  // loop that never gets back to its timers (the awaits of a synchronous fill resolve as
  // microtasks) shows as one gap as long as the whole run.
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const ticks = [performance.now()]
  const timer = setInterval(() => ticks.push(performance.now()), 1)
  await fillRandomAsync(view)
  t.is((await tokenBytesAsync(256 * MiB)).length, 256 * MiB)
  t.is((await tokenBytesAsync(256 * MiB)).length, 256 * MiB)
  clearInterval(timer)
  ticks.push(performance.now())
  delay.disable()
  const gap = Math.max(...ticks.slice(1).map((x, i) => x - ticks[i]))
  const p99 = delay.percentile(99) / 1e6
  t.log(`longest gap ${gap.toFixed(1)} ms, p99 delay ${p99.toFixed(1)} ms, synchronous fill ${blocking.toFixed(1)} ms`)
  t.true(gap < blocking, `longest gap ${gap.toFixed(1)} ms (p99 delay ${p99.toFixed(1)} ms), a synchronous 256 MiB fill ${blocking.toFixed(1)} ms`)
})

test.serial('the RSS stays flat over millions of calls', (t) => {
  // 100000 rounds of 14 calls (tokens small and large on every path, bigints, comparisons,
  // SystemRandom), 1.4 million calls in all. A leak of the 6 KiB text of one token a round would
  // add 600 MiB; the bound is 48 MiB for allocator and heap noise. (Planted once: the heap buffer
  // of a long token forgotten instead of freed, which failed.)
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('soak/memory.mts', import.meta.url)), '100000'], {
    encoding: 'utf8',
    env: process.env,
  })
  t.is(run.status, 0, run.stderr)
  const { before, after } = JSON.parse(run.stdout) as { before: number; after: number }
  t.log(`RSS ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB after`)
  t.true(after - before < 48, `RSS ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB after`)
})
