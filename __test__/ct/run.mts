// One process of `npm run test:ct`: times the comparisons of one backend (NAPI_SECRETS_BACKEND,
// set by the caller) and prints one JSON line per case. `--case NAME` runs one case only (each
// case runs in a fresh process: after other cases, drifting noise inflated |t|); `--list`
// prints the names; `--samples N` sets the samples per case.

import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'

import { dudect, leakyBytes, leakyStrings } from './dudect.mjs'

const require = createRequire(import.meta.url)
const secrets = require('../..') as typeof import('napi-secrets')

const { values } = parseArgs({ options: { case: { type: 'string' }, list: { type: 'boolean' }, samples: { type: 'string' } } })
const samples = values.samples === undefined ? undefined : Number(values.samples)

/** a, and copies of it that differ in their first unit and in their last. */
function buffers(n: number): [Buffer, Buffer, Buffer] {
  const a = crypto.randomBytes(n)
  const [first, last] = [Buffer.from(a), Buffer.from(a)]
  first[0] ^= 1
  last[n - 1] ^= 1
  return [a, first, last]
}

/**
 * For Buffers, one buffer rewritten before each batch to differ from a first or last: two
 * buffers, however alike their layout, differ in where they sit relative to a, which showed as
 * a confirmed |t| of 5-6 on 4 KiB once. Both ends are written for either class, so the cache
 * sees the same writes.
 */
function rewritten([a]: [Buffer, Buffer, Buffer]): (c: number) => Buffer {
  const b = Buffer.from(a)
  const n = a.length
  return (c) => {
    b[0] = a[0] ^ (c === 0 ? 1 : 0)
    b[n - 1] = a[n - 1] ^ (c === 1 ? 1 : 0)
    return b
  }
}

/**
 * For strings, which cannot be rewritten: a fresh copy of the class's string for each batch, made
 * before its clock starts, so that where a string object sits relative to a averages out over
 * both classes. Eight fixed copies a class were not enough: the native 4096-character case,
 * 0.4 ns apart in 1.7 us, reached a |t| of 5-14 in half its runs from where its copies sat.
 */
function copies([, first, last]: [string, string, string]): (c: number) => string {
  return (c) => Buffer.from(c === 0 ? first : last, 'latin1').toString('latin1')
}

/** The same as strings, each a flat string of its own, made the same way (a string built by
 * concatenation is a rope, slower to read than a flat one whatever it holds). */
function strings(n: number): [string, string, string] {
  return buffers(n).map((b) => b.toString('latin1')) as [string, string, string]
}

type Kind = 'ours' | 'leaky' | 'reference'

interface Case {
  name: string
  kind: Kind
  run(): ReturnType<typeof dudect>
}

const cases: Case[] = []
for (const n of [32, 4096]) {
  const b = buffers(n)
  const s = strings(n)
  // Larger inputs take longer a call: fewer samples give the same test time.
  const count = samples ?? (n === 32 ? 400_000 : 100_000)
  cases.push(
    { name: `compareDigest, ${n}-byte Buffers`, kind: 'ours', run: () => dudect(secrets.compareDigest, b, { samples: count }, rewritten(b)) },
    { name: `compareDigest, ${n}-character strings`, kind: 'ours', run: () => dudect((x: string, y: string) => secrets.compareDigest(x, y), s, { samples: count }, copies(s)) },
    { name: `early-exit loop, ${n}-byte Buffers`, kind: 'leaky', run: () => dudect(leakyBytes, b, { samples: count }, rewritten(b)) },
    { name: `early-exit loop, ${n}-character strings`, kind: 'leaky', run: () => dudect(leakyStrings, s, { samples: count }, copies(s)) },
    { name: `crypto.timingSafeEqual, ${n}-byte Buffers`, kind: 'reference', run: () => dudect(crypto.timingSafeEqual, b, { samples: count }, rewritten(b)) },
  )
}

if (values.list) console.log(JSON.stringify(cases.map((c) => c.name)))
for (const c of values.list ? [] : cases) {
  if (values.case !== undefined && values.case !== c.name) continue
  const verdict = c.run()
  console.log(JSON.stringify({ name: c.name, kind: c.kind, backend: secrets.backend, ...verdict }))
}
