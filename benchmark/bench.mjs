// `npm run bench`: napi-secrets against node:crypto, nanoid, bigint-crypto-utils, a pooled
// pure-JavaScript design, the bare N-API floor and Python's secrets. Each comparison interleaves
// the two sides (harness.mjs) and reports the ratio ours / theirs, with the target where the
// project has one. `--readme` also writes the tables into README.md.
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'

import { randBetween } from 'bigint-crypto-utils'
import { nanoid } from 'nanoid'

import { race, time } from './harness.mjs'
import * as pooled from './pooled.mjs'

const require = createRequire(import.meta.url)
const secrets = require('..')
const anchor = require('./anchor/anchor.node')

const MiB = 2 ** 20
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const BIG = 2n ** 256n
const A64 = secrets.tokenHex(32)
const B64 = `${A64.slice(0, 63)}x`
const A32 = crypto.randomBytes(32)
const B32 = Buffer.from(A32)
const mib = Buffer.alloc(MiB)
const big = Buffer.alloc(64 * MiB)

// [operation, ours, baseline, theirs, target ratio or null]
const comparisons = [
  ['tokenHex(32)', () => secrets.tokenHex(32), 'nanoid()', () => nanoid(), 0.3],
  ['tokenHex(32)', () => secrets.tokenHex(32), 'crypto.randomUUID()', () => crypto.randomUUID(), 0.5],
  ['tokenHex(32)', () => secrets.tokenHex(32), 'pooled pure-JS tokenHex(32)', () => pooled.tokenHex(32), 0.6],
  ['tokenHex(32)', () => secrets.tokenHex(32), 'bare N-API call returning 64 chars', () => anchor.fixed64(32), 1.5],
  ['tokenHex(16)', () => secrets.tokenHex(16), 'randomBytes(16).toString("hex")', () => crypto.randomBytes(16).toString('hex'), null],
  ['tokenHex(32)', () => secrets.tokenHex(32), 'randomBytes(32).toString("hex")', () => crypto.randomBytes(32).toString('hex'), null],
  ['tokenUrlsafe(16)', () => secrets.tokenUrlsafe(16), 'randomBytes(16).toString("base64url")', () => crypto.randomBytes(16).toString('base64url'), null],
  ['tokenUrlsafe(32)', () => secrets.tokenUrlsafe(32), 'randomBytes(32).toString("base64url")', () => crypto.randomBytes(32).toString('base64url'), null],
  ['randbelow(1000)', () => secrets.randbelow(1000), 'crypto.randomInt(1000)', () => crypto.randomInt(1000), 0.3],
  ['choice(62 letters)', () => secrets.choice(ALPHABET), 'ALPHABET[crypto.randomInt(62)]', () => ALPHABET[crypto.randomInt(62)], 0.3],
  ['randbelow(2n ** 256n)', () => secrets.randbelow(BIG), 'pooled pure-JS randbelow(2n ** 256n)', () => pooled.randbelowBig(BIG), 0.5],
  ['randbelow(2n ** 256n)', () => secrets.randbelow(BIG), 'bigint-crypto-utils randBetween(2n ** 256n - 1n, 0n)', () => randBetween(BIG - 1n, 0n), null],
  ['compareDigest(64-char strings)', () => secrets.compareDigest(A64, B64), 'timingSafeEqual(Buffer.from(a), Buffer.from(b))', () => crypto.timingSafeEqual(Buffer.from(A64), Buffer.from(B64)), 0.3],
  ['compareDigest(32-byte Buffers)', () => secrets.compareDigest(A32, B32), 'crypto.timingSafeEqual(a, b)', () => crypto.timingSafeEqual(A32, B32), 1],
  ['tokenBytes(1 MiB)', () => secrets.tokenBytes(MiB), 'crypto.randomBytes(1 MiB)', () => crypto.randomBytes(MiB), 0.6],
  ['fillRandom(1 MiB)', () => secrets.fillRandom(mib), 'crypto.randomFillSync(1 MiB)', () => crypto.randomFillSync(mib), null],
  ['fillRandom(64 MiB)', () => secrets.fillRandom(big), 'crypto.randomFillSync(64 MiB)', () => crypto.randomFillSync(big), null],
  ['tokenHexBatch(10000, 32), per token', () => secrets.tokenHexBatch(10000, 32), 'tokenHex(32)', () => { for (let i = 0; i < 10000; i++) secrets.tokenHex(32) }, 0.5],
  ['tokenUrlsafeBatch(10000, 32), per token', () => secrets.tokenUrlsafeBatch(10000, 32), 'tokenUrlsafe(32)', () => { for (let i = 0; i < 10000; i++) secrets.tokenUrlsafe(32) }, null],
]

// Per call of ours, for the Python table: [operation, ours, calls per run].
const pythonOps = [
  ['tokenHex(16)', () => secrets.tokenHex(16), 1],
  ['tokenHex(32)', () => secrets.tokenHex(32), 1],
  ['tokenUrlsafe(32)', () => secrets.tokenUrlsafe(32), 1],
  ['tokenBytes(32)', () => secrets.tokenBytes(32), 1],
  ['randbelow(1000)', () => secrets.randbelow(1000), 1],
  ['randbelow(2n ** 256n)', () => secrets.randbelow(BIG), 1],
  ['choice(62 letters)', () => secrets.choice(ALPHABET), 1],
  ['compareDigest(64-char strings)', () => secrets.compareDigest(A64, B64), 1],
  ['compareDigest(32-byte Buffers)', () => secrets.compareDigest(A32, B32), 1],
  ['tokenBytes(1 MiB)', () => secrets.tokenBytes(MiB), 1],
  ['tokenHexBatch(10000, 32), per token', () => secrets.tokenHexBatch(10000, 32), 10000],
]

const ns = (x) => (x >= 1e5 ? `${(x / 1e3).toFixed(0)} µs` : `${x.toFixed(1)} ns`)
const verdict = (ratio, target) => (target === null ? '' : ratio <= target ? 'met' : 'missed')

function versusNode() {
  const lines = [
    '| operation | napi-secrets | baseline | baseline time | ratio | target | |',
    '|---|---:|---|---:|---:|---:|---|',
  ]
  for (const [op, ours, name, theirs, target] of comparisons) {
    const perRun = op.endsWith('per token') ? 10000 : 1
    const { a, b, ratio } = race(ours, theirs)
    lines.push(`| \`${op}\` | ${ns(a / perRun)} | \`${name}\` | ${ns(b / perRun)} | ${ratio.toFixed(2)} | ${target === null ? '' : `<= ${target}`} | ${verdict(ratio, target)} |`)
    console.error(lines.at(-1))
  }
  return lines
}

function versusPython() {
  let python
  try {
    python = JSON.parse(execFileSync('python3', [new URL('./python_secrets.py', import.meta.url).pathname], { encoding: 'utf8' }))
  } catch {
    return ['Python 3 was not found: no Python comparison.']
  }
  const lines = [
    '| operation | napi-secrets | Python `secrets` | ratio | target | |',
    '|---|---:|---:|---:|---:|---|',
  ]
  for (const [op, ours, perRun] of pythonOps) {
    const mine = time(ours) / perRun
    const target = op.startsWith('compareDigest') ? 1 : 0.25
    const ratio = mine / python[op]
    lines.push(`| \`${op}\` | ${ns(mine)} | ${ns(python[op])} | ${ratio.toFixed(2)} | <= ${target} | ${verdict(ratio, target)} |`)
    console.error(lines.at(-1))
  }
  return lines
}

function machine() {
  const cpu = os.cpus()
  const python = (() => {
    try {
      return execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim()
    } catch {
      return 'no Python'
    }
  })()
  return `${cpu[0].model}, ${cpu.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()}; Node.js ${process.version}, ${python}`
}

const report = [
  `Machine: ${machine()}.`,
  '',
  'Ratios are napi-secrets time / baseline time (lower is faster): against Node.js libraries, the',
  'median ratio of interleaved rounds in one run; against Python, each side timed on its own',
  '(napi-secrets: median of rounds; Python: best of five `timeit` repeats).',
  '',
  ...versusNode(),
  '',
  ...versusPython(),
].join('\n')

console.log(report)

if (process.argv.includes('--readme')) {
  const readme = new URL('../README.md', import.meta.url)
  const text = readFileSync(readme, 'utf8')
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  const before = text.slice(0, text.indexOf(start) + start.length)
  const after = text.slice(text.indexOf(end))
  writeFileSync(readme, `${before}\n${report}\n${after}`)
}
