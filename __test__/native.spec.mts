// The addon's own checks, called directly as a caller bypassing the facade would: sizes past
// 2**32 - 1 must not wrap, bounds below 1n must not pass as their magnitude, wrong types and
// impossible allocations are coded errors, and the process lives through all of it.

import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'

import { backend } from 'napi-secrets'
import type { Backend } from '../lib/backends/backend.js'
import { codedAsync } from '../lib/backends/native.js'
import { rangeError, throwsNodeError, typeError } from './helpers/errors.mjs'
import test from './helpers/test.mjs'

const native = backend === 'native' ? test : test.skip
const ROOT = join(import.meta.dirname, '..')
const binding = (): Backend => createRequire(import.meta.url)('../binding.js') as Backend

// Values no entry may take where it wants a size: out of range, not integers, past 2**32 (where
// a 32-bit read would wrap), and not numbers at all.
const NOT_SIZES = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 32 + 5, 2 ** 53]
const NOT_NUMBERS = ['5', 5n]

/** Every raw entry, each argument position in turn given `bad` and the others valid values. */
function everyEntry(b: Backend, bad: unknown): Array<[string, string | undefined, () => unknown]> {
  const x = bad as never
  return [
    ['tokenHex(bad)', 'nbytes', () => b.tokenHex(x)],
    ['tokenUrlsafe(bad)', 'nbytes', () => b.tokenUrlsafe(x)],
    ['tokenHexBatch(bad, 1)', 'count', () => b.tokenHexBatch(x, 1)],
    ['tokenHexBatch(1, bad)', 'nbytes', () => b.tokenHexBatch(1, x)],
    ['tokenUrlsafeBatch(bad, 1)', 'count', () => b.tokenUrlsafeBatch(x, 1)],
    ['tokenUrlsafeBatch(1, bad)', 'nbytes', () => b.tokenUrlsafeBatch(1, x)],
    ['randbits(bad)', 'k', () => b.randbits(x)],
    ['randomBytesAsync(bad)', 'nbytes', () => b.randomBytesAsync(x)],
    // Entries that take no size: every one of these values is of the wrong type for them.
    ['fillRandom(bad)', undefined, () => b.fillRandom(x)],
    ['randbelowBig(bad)', undefined, () => b.randbelowBig(x)],
    ['compareBytes(bad, bytes)', undefined, () => b.compareBytes(x, new Uint8Array(1))],
    ['compareStrings(bad, string)', undefined, () => b.compareStrings(x, 'a')],
  ]
}

/** What `fn` throws, or what its Promise rejects with: `randomBytesAsync` reports through it. */
async function failure(fn: () => unknown): Promise<unknown> {
  try {
    const result = fn()
    if (result instanceof Promise) await result
  } catch (error) {
    return error
  }
  return undefined
}

native('every entry refuses a size that is not an integer in [0, 2**32), never wrapping it', async (t) => {
  const b = binding()
  const sizes = NOT_SIZES.flatMap((bad) => everyEntry(b, bad).map((entry) => [bad, ...entry] as const))
  for (const [bad, what, name, fn] of sizes) {
    const error = (await failure(fn)) as Error & { code?: unknown }
    const expected = name === undefined
      ? { type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message: /wrong type/ }
      : { type: RangeError, code: 'ERR_OUT_OF_RANGE', message: new RegExp(`^The value of "${name}" is out of range\\. .*Received ${String(bad)}$`) }
    const label = what.replace('bad', String(bad))
    t.true(error instanceof expected.type, `${label} gave ${String(error)}`)
    t.is(error?.code, expected.code, label)
    t.regex(String(error?.message), expected.message, label)
  }
  throwsNodeError(t, () => b.randbits(2 ** 30 + 1), rangeError(/"k".*2\*\*30/))
  t.is(b.tokenHex(3).length, 6)
  t.is((await b.randomBytesAsync(2 ** 16 + 3)).length, 2 ** 16 + 3)
})

native('every entry refuses an argument that is not a number, before any work', async (t) => {
  const b = binding()
  for (const bad of NOT_NUMBERS) {
    for (const [what, name, fn] of everyEntry(b, bad)) {
      // A bigint is what randbelowBig takes, and a string what compareStrings does.
      if ((typeof bad === 'bigint' && what.startsWith('randbelowBig')) || (typeof bad === 'string' && what.startsWith('compareStrings'))) continue
      const error = (await failure(fn)) as Error & { code?: unknown }
      const label = `${what.replace('bad', typeof bad)}${name ? ` (${name})` : ''}`
      t.true(error instanceof TypeError, `${label} gave ${String(error)}`)
      t.is(error?.code, 'ERR_INVALID_ARG_TYPE', label)
      t.regex(String(error?.message), /wrong type/, label)
    }
  }
})

native('the default-size entries read no argument: whatever a caller passes, 32 bytes', (t) => {
  const b = binding() as Backend & Record<'tokenHexDefault' | 'tokenUrlsafeDefault', (...args: unknown[]) => string>
  for (const args of [[], [5], ['x', 2 ** 40]]) {
    t.regex(b.tokenHexDefault(...args), /^[0-9a-f]{64}$/)
    t.regex(b.tokenUrlsafeDefault(...args), /^[\w-]{43}$/)
  }
})

native('randomBytesAsync never throws: a bad size rejects its Promise', async (t) => {
  const promise = binding().randomBytesAsync(-1)
  t.true(promise instanceof Promise)
  await t.throwsAsync(promise, { instanceOf: RangeError, message: /"nbytes".*Received -1$/ })
})

native('bounds are bigints >= 1n; the sign is never dropped', (t) => {
  const { randbelowBig } = binding()
  throwsNodeError(t, () => randbelowBig(-5n), rangeError(/"n".*>= 1n.*negative/))
  throwsNodeError(t, () => randbelowBig(-(2n ** 200n)), rangeError(/"n"/))
  throwsNodeError(t, () => randbelowBig(0n), rangeError(/"n".*Received 0n$/))
  t.is(randbelowBig(1n), 0n)
})

native('arguments of the wrong type are TypeErrors with Node\'s code', (t) => {
  const { tokenHex, randbelowBig, compareBytes, compareStrings, fillRandom } = binding()
  const wrong = typeError(/wrong type/)
  throwsNodeError(t, () => tokenHex('32' as never), wrong)
  throwsNodeError(t, () => tokenHex(32n as never), wrong)
  throwsNodeError(t, () => randbelowBig(5 as never), wrong)
  throwsNodeError(t, () => compareBytes('a' as never, 'b' as never), wrong)
  throwsNodeError(t, () => compareStrings(new Uint8Array(1) as never, 'b'), wrong)
  throwsNodeError(t, () => fillRandom({} as never), wrong)
})

native('an allocation that cannot be had is an Error with a code, not an abort', (t) => {
  const { tokenHexBatch } = binding()
  // 2**30 tokens of 2**31 bytes: 2**62 characters, past any allocator.
  const error = t.throws(() => tokenHexBatch(2 ** 30, 2 ** 31)) as Error & { code?: string }
  t.is(error.code, 'ERR_MEMORY_ALLOCATION_FAILED')
  t.regex(error.message, /^4611686018427387904 bytes of memory could not be allocated$/)
  // 2**32 - 1 tokens of 2**32 - 1 bytes: more characters than a 64-bit size can count.
  throwsNodeError(t, () => tokenHexBatch(2 ** 32 - 1, 2 ** 32 - 1), rangeError(/"count".*fit in one string/))
  t.is(binding().tokenHex(2).length, 4)
})

test('async native failures get their code from the message napi-rs rejects with', (t) => {
  const coded = codedAsync(new Error('ERR_MEMORY_ALLOCATION_FAILED: 5 bytes of memory could not be allocated')) as Error & { code?: string }
  t.is(coded.code, 'ERR_MEMORY_ALLOCATION_FAILED')
  t.is(coded.message, '5 bytes of memory could not be allocated')
  const other = new Error('something else')
  t.is(codedAsync(other), other)
  t.is(codedAsync('not an error'), 'not an error')
})

native('the async path still resolves to random bytes', async (t) => {
  const bytes = await binding().randomBytesAsync(64)
  t.is(bytes.length, 64)
  t.true(bytes.some((b) => b !== 0))
})

// A long text (a batch's run, a large token) is an external string over the addon's memory on
// Node.js (src/external.rs): V8 must count it, and give it back, wiped, when the string dies.
native('long texts are counted by V8 while kept and given back when collected', (t) => {
  const script = `
    const s = require('.')
    const MiB = 2 ** 20, mib = () => process.memoryUsage().external / MiB
    gc(); const base = mib()
    let kept = s.tokenHexBatch(16384, 32) // four runs of 256 KiB: 1 MiB of text
    gc(); const held = mib() - base
    kept = null
    // After a turn of the event loop, as Node.js may run finalisers then.
    setImmediate(() => {
      gc()
      const left = mib() - base
      // 512 MiB of runs, none kept: their memory must come back as V8 collects them.
      const rss = process.memoryUsage.rss()
      for (let i = 0; i < 2000; i++) s.tokenUrlsafeBatch(5958, 33)
      console.log(JSON.stringify({ held, left, grew: (process.memoryUsage.rss() - rss) / MiB }))
    })`
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  t.is(run.status, 0, run.stderr)
  const { held, left, grew } = JSON.parse(run.stdout) as { held: number; left: number; grew: number }
  t.true(held >= 1, `V8 counted ${held} MiB of external memory for 1 MiB of kept tokens`)
  // V8 may hold on to the last run made (a quarter of the text) for a while.
  t.true(left < held - 0.7, `${left} MiB still counted after the tokens were collected`)
  // Leaked, the runs would hold 512 MiB; collected, the process grows by V8's slack (under 150 MiB
  // here).
  t.true(grew < 256, `the process grew by ${grew} MiB over 512 MiB of dropped batches`)
})
