// The reads and writes at secret indices (lib/select.ts, behind password()): right values, every
// order of a shuffle equally likely, and the same addresses touched in the same order whatever
// the secret index or draw. Each trace is recorded through a Proxy over the table; a lookup of
// the run by index, a textbook swap or an early exit from rank each change the trace, and each
// failed these tests when planted once.

import { randomInt } from 'node:crypto'

import { equal, rank, runsOf, shuffle, valueAt } from '../lib/select.js'
import { assertFits, histogram } from './helpers/stats.mjs'
import test from './helpers/test.mjs'

/** `target` behind a Proxy that logs every index read or written, as `r3` or `w3`. */
function traced<T extends object>(target: T, log: string[]): T {
  const index = (key: string | symbol) => (typeof key === 'string' && /^\d+$/.test(key) ? key : undefined)
  return new Proxy(target, {
    get(t, key) {
      if (index(key)) log.push(`r${String(key)}`)
      return Reflect.get(t, key) as unknown
    },
    set(t, key, value) {
      if (index(key)) log.push(`w${String(key)}`)
      return Reflect.set(t, key, value)
    },
  })
}

test('equal is 1 exactly when its arguments are', (t) => {
  for (const [a, b] of [[0, 0], [1, 1], [2 ** 31 - 1, 2 ** 31 - 1], [0, 1], [1, 0], [0, 2 ** 31 - 1], [2 ** 31 - 1, 0], [5, 4]]) {
    t.is(equal(a, b), a === b ? 1 : 0, `${a}, ${b}`)
  }
})

test('valueAt gives the entry at its index, reading every run in the same order', (t) => {
  const tables = [
    Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (c) => c.codePointAt(0)!),
    [0x41, 0x10ffff, 0, 0x7a, 0xe9, 0x1f600, 0x1f601, 0x1f602, 1],
    [7],
  ]
  for (const entries of tables) {
    const table = Int32Array.from(entries)
    const runs = runsOf(table)
    let first: string[] | undefined
    for (let i = 0; i < table.length; i++) {
      const log: string[] = []
      t.is(valueAt({ starts: traced(runs.starts, log), steps: traced(runs.steps, log) }, i), table[i], `index ${i}`)
      first ??= log
      t.deepEqual(log, first, `index ${i}`)
    }
  }
  t.is(runsOf(Int32Array.from(Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (c) => c.codePointAt(0)!))).starts.length, 3)
})

test('shuffle touches the same slots in the same order whatever it draws', (t) => {
  let first: string[] | undefined
  for (let run = 0; run < 20; run++) {
    const values = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7])
    const log: string[] = []
    shuffle(traced(values, log), (n) => randomInt(n))
    t.deepEqual([...values].sort(), [0, 1, 2, 3, 4, 5, 6, 7])
    first ??= log
    t.deepEqual(log, first, `run ${run}`)
  }
})

// 24 orders of 4 values, 24000 shuffles, 1000 each expected; the chi-square on 23 degrees of
// freedom fails at p <= 1e-6 (about 69). Swapping with any slot rather than one up to i (the
// classic mistake) scores in the hundreds.
test('shuffle makes every order equally likely', (t) => {
  const orders: string[] = []
  const permute = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) orders.push(prefix.join())
    rest.forEach((v, i) => permute([...prefix, v], rest.filter((_, j) => j !== i)))
  }
  permute([], [0, 1, 2, 3])
  const counts = histogram(24000, orders.length, () => {
    const values = Int32Array.from([0, 1, 2, 3])
    shuffle(values, (n) => randomInt(n))
    return orders.indexOf([...values].join())
  })
  assertFits(t, counts, undefined, 'orders of four values')
})

test('rank counts the running sums at most the pick, reading every weight whatever the pick', (t) => {
  const weights = [3n, 0n, 5n, 2n ** 200n, 1n]
  const sums = weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b))
  let first: string[] | undefined
  for (const pick of [0n, 2n, 3n, 7n, 8n, 2n ** 200n + 7n, 2n ** 200n + 8n]) {
    const log: string[] = []
    t.is(rank(pick, traced(weights, log)), sums.filter((s) => s <= pick).length, String(pick))
    first ??= log
    t.deepEqual(log, first, `pick ${pick}`)
  }
})
