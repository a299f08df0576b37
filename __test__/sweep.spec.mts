// The crash sweep: every export, every SystemRandom method and every command, called in a
// process of its own with sizes at and around each limit (sweep/cases.mts). Each process must
// end normally, within a hang guard, with a result or an error that carries Node's code (the
// command line: exit 0, or 2 with one line on stderr); a refusal must come before any call into
// the backend, so before any random byte is drawn. `npm test` runs the quick subset; `npm run
// test:sweep` (NAPI_SECRETS_SWEEP=full) runs them all.
//
// Each process has a bounded heap and, on Linux, a bounded address space (prlimit), so a size
// the package fails to refuse costs a bounded amount of memory, and the machine stays up: an
// allocation past the bound fails as it would on a smaller machine.

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import anyTest from 'ava'
import { buildSync } from 'esbuild'

import { type Case, CASES } from './sweep/cases.mjs'
import test from './helpers/test.mjs'

const FULL = process.env.NAPI_SECRETS_SWEEP === 'full'
const DIST = join(import.meta.dirname, '..', 'dist')
const CLI = join(DIST, 'cli.js')
// The child and its preload, compiled to CommonJS once: under tsx each child would start in about
// twice the time.
const HERE = mkdtempSync(join(tmpdir(), 'napi-secrets-sweep-'))
buildSync({
  entryPoints: ['child.cts', 'preload.cts'].map((f) => join(import.meta.dirname, 'sweep', f)),
  outdir: HERE,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'node',
  logLevel: 'silent',
})
const HEAP_MB = 2048
// Room for a 4 GiB result besides V8's own reservations: at 5 GiB, V8 could not commit its
// young generation beside a 4 GiB Buffer and ended the process (exit 134), as any program would.
const ADDRESS_SPACE = 8 * 2 ** 30
// A generous hang guard, not a timing test: refusals take well under a second.
const HANG_MS = 30_000
// Output read from a command before its pipe is closed, as `| head -c 65536` would.
const READ_BYTES = 2 ** 16
const PARALLEL = 2

const prlimit = process.platform === 'linux' && spawnSync('prlimit', ['--version']).status === 0

interface Outcome {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Calls into the backend and CPU time, from preload.cts. */
  calls?: number | undefined
  cpuMs?: number | undefined
  hung: boolean
}

// At most PARALLEL children at once: AVA starts every test of the file together.
let running = 0
const waiting: (() => void)[] = []
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await work()
  } finally {
    running--
    waiting.shift()?.()
  }
}

function run(args: string[], isCli: boolean, guardMs = HANG_MS): Promise<Outcome> {
  const node = [`--max-old-space-size=${HEAP_MB}`, '--require', join(HERE, 'preload.cjs'), ...args]
  const [command, argv] = prlimit ? ['prlimit', [`--as=${ADDRESS_SPACE}`, '--', process.execPath, ...node]] : [process.execPath, node]
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, NAPI_SECRETS_DIST: DIST } })
    let stdout = ''
    let stderr = ''
    let report = ''
    let hung = false
    const guard = setTimeout(() => {
      hung = true
      child.kill('SIGKILL')
    }, guardMs)
    child.stdout!.setEncoding('latin1').on('data', (chunk: string) => {
      stdout += chunk
      // A command that prints without end (a huge --count) is cut off as a reader would.
      if (isCli && stdout.length >= READ_BYTES) child.stdout!.destroy()
    })
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk.slice(0, 4096)))
    ;(child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (chunk: string) => (report += chunk))
    child.on('close', (status, signal) => {
      clearTimeout(guard)
      const { calls, cpuMs } = report ? (JSON.parse(report) as { calls: number; cpuMs: number }) : ({} as Partial<Outcome>)
      resolve({ status, signal, stdout, stderr, calls, cpuMs, hung })
    })
  })
}

const slowest: { title: string; cpuMs: number; wallMs: number }[] = []

const CODES = ['ERR_OUT_OF_RANGE', 'ERR_INVALID_ARG_TYPE', 'ERR_INVALID_ARG_VALUE']

const titleOf = (c: Case): string => c.expr ?? `napi-secrets ${c.cli!.map((a) => (a.length > 20 ? `<${a.length} characters>` : a)).join(' ')}`

function register(c: Case): void {
  const title = titleOf(c)
  test(`sweep: ${title}`, async (t) => {
    const args = c.expr === undefined ? [CLI, ...c.cli!] : [join(HERE, 'child.cjs'), c.expr]
    let wallMs = 0
    const out = await slot(async () => {
      const start = performance.now()
      const outcome = await run(args, c.cli !== undefined, c.guardMs)
      wallMs = Math.round(performance.now() - start)
      return outcome
    })
    slowest.push({ title, cpuMs: out.cpuMs ?? -1, wallMs })
    t.log(`${out.cpuMs} ms of CPU, ${out.calls} backend calls`)
    const why = `status ${out.status}, signal ${out.signal}\n${out.stderr.slice(0, 600)}`
    t.false(out.hung, `no end within ${c.guardMs ?? HANG_MS} ms`)
    t.is(out.signal, null, why)
    if (c.expr !== undefined) {
      t.is(out.status, 0, why)
      const line = JSON.parse(out.stdout || '{}') as { error?: string; code?: string; message?: string }
      if (line.error !== undefined) {
        t.true(['RangeError', 'TypeError'].includes(line.error), `${line.error}: ${line.message}`)
        t.true(CODES.includes(String(line.code)), `code ${line.code}: ${line.message}`)
        t.is(out.calls, 0, `refused after ${out.calls} backend calls: ${line.message}`)
      } else {
        t.not(c.refused, true, 'made a result where a refusal was due')
      }
      return
    }
    t.true(out.status === 0 || out.status === 2, why)
    if (out.status === 2) {
      t.regex(out.stderr, /^napi-secrets: [^\n]+\n$/, 'one line on stderr')
      t.notRegex(out.stderr, /Error|Received \d+_|\n\s+at /, 'no JavaScript wording, no stack')
      t.is(out.stdout, '', 'nothing on stdout')
      t.is(out.calls, 0, `refused after ${out.calls} backend calls`)
    } else {
      t.not(c.refused, true, 'printed where a refusal was due')
    }
  })
}

// NAPI_SECRETS_SWEEP=off (test:arm64 and test:musl, under emulation) leaves it out: its children
// take seconds each there, and the limits it probes are V8's and the package's, the same on every
// CPU.
if (process.env.NAPI_SECRETS_SWEEP === 'off') anyTest('sweep: left out (NAPI_SECRETS_SWEEP=off)', (t) => t.pass())
else {
  // From Node.js 22 on, MAX_LENGTH is MAX_SAFE_INTEGER, so some sizes coincide: each title once.
  const seen = new Set<string>()
  for (const c of CASES) {
    const key = titleOf(c)
    if ((FULL || c.quick) && !seen.has(key)) register(c)
    seen.add(key)
  }
}

anyTest.after.always(() => {
  rmSync(HERE, { recursive: true, force: true })
  slowest.sort((a, b) => b.wallMs - a.wallMs)
  const top = slowest.slice(0, 8).map(({ title, cpuMs, wallMs }) => `  ${wallMs} ms (${cpuMs} ms CPU) ${title}`)
  console.error(`sweep: the slowest of ${slowest.length} children\n${top.join('\n')}`)
})
