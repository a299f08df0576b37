// `npm run bench`: napi-secrets against node:crypto, nanoid, bigint-crypto-utils, a pooled
// pure-JavaScript design, the bare N-API floor and Python's secrets. Each comparison interleaves
// the two sides (harness.mts) and reports the ratios ours / theirs in wall-clock and CPU time,
// with the target where the project has one. `--backend js` measures the pure TypeScript backend
// instead of the addon; `--readme` also writes the tables into benchmark/README.md. A run of the
// native backend also writes benchmark/chart.svg (chart.mts), the README's chart, from its own
// numbers; `--quick` takes fewer, shorter rounds, for a first look (noisier: say so if committed).
// `--browser` races the browser build in headless Chromium instead (browser.mts), and only that.

import { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'

import { randBetween } from 'bigint-crypto-utils'
import { nanoid } from 'nanoid'
import { v4 as uuidv4 } from 'uuid'

import { type Bar, chartSvg } from './chart.mjs'
import { best, race } from './harness.mjs'
import * as pooled from './pooled.mjs'
import { writeReadme } from './readme.mjs'

const backendArg = process.argv.indexOf('--backend')
const which = backendArg === -1 ? 'native' : process.argv[backendArg + 1]
if (which !== 'native' && which !== 'js') throw new Error(`--backend must be native or js, not ${which}`)
// Set before the package loads, as it picks its backend once.
process.env.NAPI_SECRETS_BACKEND = which
const quick = process.argv.includes('--quick')
// Interleaved rounds and milliseconds a batch: the harness's defaults, or a third of them.
const rounds = quick ? 5 : 15
const ms = quick ? 10 : 20

if (process.argv.includes('--browser')) {
  // Loaded only here: Chromium's driver and esbuild are needed for this mode alone.
  const { browserReport } = await import('./browser.mjs')
  console.log((await browserReport(rounds, ms)).join('\n'))
  process.exit(0)
}

const require = createRequire(import.meta.url)
const secrets = require('..') as typeof import('napi-secrets')
const anchor = require('./anchor/anchor.node') as { fixed64(n: number): string }

const MiB = 2 ** 20
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const BIG = 2n ** 256n
const A64 = secrets.tokenHex(32)
const B64 = `${A64.slice(0, 63)}x`
const A32 = crypto.randomBytes(32)
const B32 = Buffer.from(A32)
const mib = Buffer.alloc(MiB)
const big = Buffer.alloc(64 * MiB)

/** A ratio both clocks must meet, or one for each; null for a row shown for information. */
type Target = number | { wall: number; cpu: number } | null

// [operation, ours, baseline, theirs, target, results kept (default 4096; fewer for big ones)]
type Comparison = [string, () => unknown, string, () => unknown, Target, number?]

const keptArray = (make: () => string) => () => {
  const tokens = new Array<string>(10000)
  for (let i = 0; i < 10000; i++) tokens[i] = make()
  return tokens
}

// The batch's floor: what 10000 slices of one long string cost, with no random byte made. A batch
// returns one string object per token, as kept single tokens do, so it cannot beat this.
const RUN = 'f'.repeat(2 ** 18)
const slices = () => {
  const tokens = new Array<string>(10000)
  for (let i = 0; i < 10000; i++) tokens[i] = RUN.slice((i % 4096) * 64, (i % 4096) * 64 + 64)
  return tokens
}

const nativeComparisons: Comparison[] = [
  ['tokenHex(32)', () => secrets.tokenHex(32), 'nanoid()', () => nanoid(), 0.3],
  ['tokenHex(32)', () => secrets.tokenHex(32), 'crypto.randomUUID()', () => crypto.randomUUID(), 0.5],
  ['tokenHex(32)', () => secrets.tokenHex(32), 'pooled pure-JS tokenHex(32)', () => pooled.tokenHex(32), 0.6],
  ['tokenUrlsafe(32)', () => secrets.tokenUrlsafe(32), 'pooled pure-JS tokenUrlsafe(32)', () => pooled.tokenUrlsafe(32), 0.6],
  ['tokenHex(32)', () => secrets.tokenHex(32), 'bare N-API call returning 64 chars', () => anchor.fixed64(32), 1.5],
  ['tokenHex(16)', () => secrets.tokenHex(16), 'randomBytes(16).toString("hex")', () => crypto.randomBytes(16).toString('hex'), null],
  ['tokenHex(32)', () => secrets.tokenHex(32), 'randomBytes(32).toString("hex")', () => crypto.randomBytes(32).toString('hex'), null],
  ['tokenUrlsafe(16)', () => secrets.tokenUrlsafe(16), 'randomBytes(16).toString("base64url")', () => crypto.randomBytes(16).toString('base64url'), null],
  ['tokenUrlsafe(32)', () => secrets.tokenUrlsafe(32), 'randomBytes(32).toString("base64url")', () => crypto.randomBytes(32).toString('base64url'), 0.04],
  ['tokenBytes(32)', () => secrets.tokenBytes(32), 'crypto.randomBytes(32)', () => crypto.randomBytes(32), null],
  ['randbelow(1000)', () => secrets.randbelow(1000), 'crypto.randomInt(1000)', () => crypto.randomInt(1000), 0.3],
  ['choice(62 letters)', () => secrets.choice(ALPHABET), 'ALPHABET[crypto.randomInt(62)]', () => ALPHABET[crypto.randomInt(62)], 0.3],
  ['randbelow(2n ** 256n)', () => secrets.randbelow(BIG), 'pooled pure-JS randbelow(2n ** 256n)', () => pooled.randbelowBig(BIG), 0.5],
  ['randbelow(2n ** 256n)', () => secrets.randbelow(BIG), 'bigint-crypto-utils randBetween(2n ** 256n - 1n, 0n)', () => randBetween(BIG - 1n, 0n), null],
  ['compareDigest(64-char strings)', () => secrets.compareDigest(A64, B64), 'timingSafeEqual(Buffer.from(a), Buffer.from(b))', () => crypto.timingSafeEqual(Buffer.from(A64), Buffer.from(B64)), 0.3],
  ['compareDigest(32-byte Buffers)', () => secrets.compareDigest(A32, B32), 'crypto.timingSafeEqual(a, b)', () => crypto.timingSafeEqual(A32, B32), 1],
  ['tokenBytes(1 MiB)', () => secrets.tokenBytes(MiB), 'crypto.randomBytes(1 MiB)', () => crypto.randomBytes(MiB), { wall: 0.6, cpu: 1 }, 4],
  ['fillRandom(1 MiB)', () => secrets.fillRandom(mib), 'crypto.randomFillSync(1 MiB)', () => crypto.randomFillSync(mib), null, 1],
  ['fillRandom(64 MiB)', () => secrets.fillRandom(big), 'crypto.randomFillSync(64 MiB)', () => crypto.randomFillSync(big), { wall: 0.5, cpu: 1 }, 1],
  ['tokenHexBatch(10000, 32), per token', () => secrets.tokenHexBatch(10000, 32), '10000 tokenHex(32) kept in an Array', keptArray(() => secrets.tokenHex(32)), 0.5, 16],
  ['tokenUrlsafeBatch(10000, 32), per token', () => secrets.tokenUrlsafeBatch(10000, 32), '10000 tokenUrlsafe(32) kept in an Array', keptArray(() => secrets.tokenUrlsafe(32)), null, 16],
  ['tokenHexBatch(10000, 32), per token', () => secrets.tokenHexBatch(10000, 32), '10000 slices of one string (the floor)', slices, null, 16],
]

// The js backend against the best pure-JavaScript design and nanoid: it should be as fast as the
// pooled design while encoding and comparing in constant time, which Buffer's encoders do not.
const jsComparisons: Comparison[] = [
  ['tokenHex(32)', () => secrets.tokenHex(32), 'pooled pure-JS tokenHex(32)', () => pooled.tokenHex(32), 1],
  ['tokenUrlsafe(32)', () => secrets.tokenUrlsafe(32), 'pooled pure-JS tokenUrlsafe(32)', () => pooled.tokenUrlsafe(32), 1],
  ['randbelow(2n ** 256n)', () => secrets.randbelow(BIG), 'pooled pure-JS randbelow(2n ** 256n)', () => pooled.randbelowBig(BIG), 1],
  ['compareDigest(64-char strings)', () => secrets.compareDigest(A64, B64), 'pure-JS loop with no early exit', () => pooled.compareStrings(A64, B64), 1],
  ['tokenHex(32)', () => secrets.tokenHex(32), 'nanoid()', () => nanoid(), 0.7],
  ['tokenUrlsafe(16)', () => secrets.tokenUrlsafe(16), 'nanoid()', () => nanoid(), null],
  ['tokenBytes(32)', () => secrets.tokenBytes(32), 'crypto.randomBytes(32)', () => crypto.randomBytes(32), null],
  ['randbelow(1000)', () => secrets.randbelow(1000), 'crypto.randomInt(1000)', () => crypto.randomInt(1000), null],
  ['tokenBytes(1 MiB)', () => secrets.tokenBytes(MiB), 'crypto.randomBytes(1 MiB)', () => crypto.randomBytes(MiB), null, 4],
  ['tokenHexBatch(10000, 32), per token', () => secrets.tokenHexBatch(10000, 32), '10000 tokenHex(32) kept in an Array', keptArray(() => secrets.tokenHex(32)), null, 16],
]

// Per call of ours, for the Python table: [operation, ours, calls per run].
const pythonOps: [string, () => unknown, number][] = [
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

const ns = (x: number): string => (x >= 1e4 ? `${(x / 1e3).toFixed(x >= 1e5 ? 0 : 1)} µs` : `${x.toFixed(1)} ns`)
function verdict(wall: number, cpu: number, target: Target): string {
  if (target === null) return ''
  const { wall: w, cpu: c } = typeof target === 'number' ? { wall: target, cpu: target } : target
  return wall <= w && cpu <= c ? 'met' : 'missed'
}

function goal(target: Target): string {
  if (target === null) return ''
  return typeof target === 'number' ? `<= ${target}` : `<= ${target.wall} wall, <= ${target.cpu} CPU`
}

function versus(comparisons: Comparison[]): string[] {
  const lines = [
    '| operation | napi-secrets | baseline | baseline time | ratio (wall) | ratio (CPU) | target | |',
    '|---|---:|---|---:|---:|---:|---:|---|',
  ]
  for (const [op, ours, name, theirs, target, keep] of comparisons) {
    const perRun = op.endsWith('per token') ? 10000 : 1
    const { a, b, ratio, cpuRatio } = race(ours, theirs, { keep, rounds, ms })
    lines.push(`| \`${op}\` | ${ns(a / perRun)} | \`${name}\` | ${ns(b / perRun)} | ${ratio.toFixed(2)} | ${cpuRatio.toFixed(2)} | ${goal(target)} | ${verdict(ratio, cpuRatio, target)} |`)
    console.error(lines.at(-1))
  }
  return lines
}

/** Python's timings (ns per operation, best of its repeats), or undefined without Python 3. */
function timePython(): Record<string, number> | undefined {
  try {
    return JSON.parse(execFileSync('python3', [new URL('./python_secrets.py', import.meta.url).pathname], { encoding: 'utf8' }))
  } catch {
    return undefined
  }
}

/** The Python table, and ours / Python's time per operation (for the chart's Python bar). */
function versusPython(python: Record<string, number> | undefined): { lines: string[]; ratios: Map<string, number> } {
  const ratios = new Map<string, number>()
  if (python === undefined) return { lines: ['Python 3 was not found: no Python comparison.'], ratios }
  const lines = [
    '| operation | napi-secrets | Python `secrets` | ratio | target | |',
    '|---|---:|---:|---:|---:|---|',
  ]
  for (const [op, ours, perRun] of pythonOps) {
    const keep = op.includes('MiB') ? 4 : perRun > 1 ? 16 : 4096
    best(ours, { keep, rounds: 3, ms }) // a warm-up: the first timing in a process runs cold
    const mine = best(ours, { keep, rounds, ms }) / perRun
    const target = op.startsWith('compareDigest') ? 1 : 0.25
    const ratio = mine / python[op]
    ratios.set(op, ratio)
    lines.push(`| \`${op}\` | ${ns(mine)} | ${ns(python[op])} | ${ratio.toFixed(2)} | <= ${target} | ${verdict(ratio, ratio, target)} |`)
    console.error(lines.at(-1))
  }
  return { lines, ratios }
}

// The chart's alternatives, each raced against tokenHex(32) as the tables' rows are.
const chartAlternatives: [string, () => unknown][] = [
  ['nanoid()', () => nanoid()],
  ['uuid v4()', () => uuidv4()],
  ['crypto.randomUUID()', () => crypto.randomUUID()],
  ["crypto.randomBytes(32).toString('hex')", () => crypto.randomBytes(32).toString('hex')],
  ['pooled pure-JS tokenHex(32)', () => pooled.tokenHex(32)],
]

/**
 * The chart's bars: napi-secrets' tokenHex(32) and tokenUrlsafe(32), then each alternative.
 * Drift on a shared machine moves absolute times from one race to the next, so every bar is
 * drawn from a ratio: tokenHex(32)'s median time over all the races, divided by the median ratio
 * of its race against that bar's (and Python's by the ratio of the Python table).
 */
function chartBars(pythonRatio: number | undefined): Bar[] {
  const hex = () => secrets.tokenHex(32)
  const races = chartAlternatives.map(([label, fn]) => ({ label, ...race(hex, fn, { rounds, ms }) }))
  const urlsafe = race(() => secrets.tokenUrlsafe(32), hex, { rounds, ms })
  const sorted = races.map((r) => r.a).sort((x, y) => x - y)
  const reference = sorted[sorted.length >> 1]
  const bars: Bar[] = [
    { label: 'napi-secrets tokenHex(32)', ns: reference, ours: true },
    { label: 'napi-secrets tokenUrlsafe(32)', ns: reference * urlsafe.ratio, ours: true },
    ...races.map((r) => ({ label: r.label, ns: reference / r.ratio, ours: false })),
  ]
  if (pythonRatio !== undefined) bars.push({ label: "Python secrets.token_hex(32)", ns: reference / pythonRatio, ours: false })
  for (const bar of bars) console.error(`chart: ${bar.label}: ${ns(bar.ns)}`)
  return bars
}

function machine(): string {
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

// Python's table first, while the heap is fresh: after the batch rows, a major collection of
// their garbage would land in its first measurement.
const python = which === 'js' ? { lines: [], ratios: new Map<string, number>() } : versusPython(timePython())
const chart = which === 'js' ? undefined : chartBars(python.ratios.get('tokenHex(32)'))

const report = [
  `Machine: ${machine()}. Backend: \`${secrets.backend}\`.`,
  '',
  'Ratios are napi-secrets time / baseline time (lower is faster): against Node.js libraries, the',
  'median ratio of interleaved rounds in one run, in wall-clock and in process CPU time; against',
  'Python, each side timed on its own, best of its rounds (napi-secrets: of 15 batches; Python: of',
  'five `timeit` repeats). Results are kept (the last 4096; fewer of the large ones), as a server',
  'keeps its tokens. A target is met when both ratios are within it.',
  '',
  ...(which === 'js' ? versus(jsComparisons) : [...versus(nativeComparisons), '', ...python.lines]),
].join('\n')

console.log(report)

if (chart !== undefined) {
  const when = new Date().toISOString().slice(0, 10)
  const caption = `${os.cpus()[0].model}, ${os.cpus().length} cores, Node.js ${process.version}, ${when}${quick ? ', quick run' : ''}. Regenerated by npm run bench.`
  writeFileSync(new URL('./chart.svg', import.meta.url), chartSvg(chart, caption))
  console.error('wrote benchmark/chart.svg')
}

if (process.argv.includes('--readme')) writeReadme(which === 'js' ? 'bench-js' : 'bench', report)
