// Run with --expose-gc (and tsx): calls every kind of function many times over and prints the RSS, after a
// full collection, before and after, in MiB, as JSON.

import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const s = require('../..') as typeof import('napi-secrets')

const rounds = Number(process.argv[2])
const A = s.tokenHex(32)
const B = s.tokenHex(32)
const X = s.tokenBytes(32)
const Y = s.tokenBytes(32)
const rng = new s.SystemRandom()
let sink = 0
function round(n: number): void {
  for (let i = 0; i < n; i++) {
    sink += s.tokenHex(32).length + s.tokenUrlsafe(32).length + s.tokenBytes(32).length
    sink += s.tokenHex(3000).length + s.tokenBytes(5000).length + s.tokenUrlsafe(3000).length
    sink += Number(s.randbelow(2n ** 256n) & 1n) + s.randbelow(1000) + Number(s.randbits(300) & 1n)
    sink += +s.compareDigest(A, B) + +s.compareDigest(X, Y) + +s.compareDigest(A.repeat(40), B.repeat(40))
    sink += rng.random() + s.choice('abc').length
    if (i % 100 === 0) sink += s.tokenHexBatch(100, 16).length + s.password().length
  }
}
const rss = () => {
  globalThis.gc!()
  return process.memoryUsage().rss / 2 ** 20
}
round(rounds / 10) // warm-up: caches, JIT, pools
const before = rss()
round(rounds)
const after = rss()
console.log(JSON.stringify({ before, after, sink: sink > 0 }))
