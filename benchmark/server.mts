// `npm run bench:server`: what a token costs a node:http server. Two servers (server-child.mts),
// one on each backend, run pinned to core 0; autocannon (load-child.mts), pinned to core 1,
// loads one path at a time over 127.0.0.1, so the load never takes the server's core. A round
// runs every handler once, in an order that rotates from round to round; each is timed over a
// window of steady load from the server's side (requests served, CPU and wall time, read from
// its /stats endpoint), after a warm-up, and checked for errors. Requests/s is the median over
// rounds; a token's cost is the handler's time a request minus the constant response's in the
// same round (wall: 1/rps, CPU: the server's CPU time / requests), median over rounds. Options:
// `--rounds N`, `--duration S` (seconds a window), `--quick` (two rounds of 0.8 s), `--only
// WORD` (handlers whose name contains WORD, and the floors), `--readme` (also writes the tables
// into benchmark/README.md).

import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import http from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { writeReadme } from './readme.mjs'

const args = process.argv.slice(2)
function option(name: string, fallback: number): number {
  const i = args.indexOf(name)
  if (i === -1) return fallback
  const value = Number(args[i + 1])
  if (!(value > 0)) throw new Error(`${name} needs a positive number, not ${args[i + 1]}`)
  return value
}
const quick = args.includes('--quick')
const rounds = Math.round(option('--rounds', quick ? 2 : 5))
const duration = option('--duration', quick ? 0.8 : 2.5)
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined
// Load before each window, for the JIT and the connections to settle.
const warmup = Math.min(0.5, duration / 2)
const CONNECTIONS = 10
const SERVER_CORE = '0'
const LOAD_CORE = '1'

type Backend = 'native' | 'js'
interface Variant {
  label: string
  backend: Backend
  path: string
}
const single: Variant[] = [
  { label: 'constant 64-char string (floor)', backend: 'native', path: '/constant' },
  { label: 'napi-secrets `tokenHex(32)`, native', backend: 'native', path: '/tokenHex' },
  { label: 'napi-secrets `tokenHex(32)`, js backend', backend: 'js', path: '/tokenHex' },
  { label: "`crypto.randomBytes(32).toString('hex')`", backend: 'native', path: '/randomBytes' },
  { label: '`crypto.randomUUID()`', backend: 'native', path: '/randomUUID' },
  { label: '`nanoid()`', backend: 'native', path: '/nanoid' },
  { label: 'uuid `v4()`', backend: 'native', path: '/uuidv4' },
]
const hundred: Variant[] = [
  { label: 'a constant Array of 100, joined (floor)', backend: 'native', path: '/100/constant' },
  { label: 'napi-secrets `tokenHexBatch(100, 32)`, native', backend: 'native', path: '/100/tokenHexBatch' },
  { label: 'napi-secrets 100 x `tokenHex(32)`, native', backend: 'native', path: '/100/tokenHex' },
  { label: 'napi-secrets `tokenHexBatch(100, 32)`, js backend', backend: 'js', path: '/100/tokenHexBatch' },
  { label: '100 x `nanoid()`', backend: 'native', path: '/100/nanoid' },
  { label: "100 x `crypto.randomBytes(32).toString('hex')`", backend: 'native', path: '/100/randomBytes' },
  { label: "`crypto.randomBytes(3200)`, 100 hex slices", backend: 'native', path: '/100/randomBytesSliced' },
  { label: '100 x `crypto.randomUUID()`', backend: 'native', path: '/100/randomUUID' },
]
const chosen = (set: Variant[]) => set.filter((v, i) => i === 0 || only === undefined || v.label.includes(only))
const sets = [chosen(single), chosen(hundred)]

// Every child is killed when this process ends, however it ends.
const children = new Set<ChildProcess>()
function track(child: ChildProcess): ChildProcess {
  children.add(child)
  child.on('exit', () => children.delete(child))
  return child
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(128 + os.constants.signals[signal]))
}

function requirements(): void {
  for (const core of [SERVER_CORE, LOAD_CORE]) {
    const run = spawnSync('taskset', ['-c', core, 'true'])
    if (run.error !== undefined) throw new Error(`taskset is needed to pin the server and the load to their cores (it is in util-linux): ${run.error.message}`)
    if (run.status !== 0) throw new Error(`taskset cannot pin to core ${core} (the benchmark needs two cores): ${run.stderr}`)
  }
  try {
    createRequire(import.meta.url).resolve('autocannon')
  } catch {
    throw new Error('autocannon is not installed: it is a devDependency, run npm install')
  }
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    }).on('error', (error) => reject(new Error(`GET ${path} from the server on port ${port} failed: ${error.message}`)))
  })
}

interface Stats {
  served: number
  /** Microseconds. */
  cpu: number
  wall: number
  backend: string
}
const stats = async (port: number): Promise<Stats> => JSON.parse((await get(port, '/stats')).body)

/**
 * Starts `file` (a child of this directory) pinned to `core`, with IPC; resolves to its first
 * message. If it ends before this process does, so does the run, loudly.
 */
function startChild(name: string, core: string, file: string, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; first: unknown }> {
  const child = track(
    spawn('taskset', ['-c', core, process.execPath, '--import', 'tsx', join(import.meta.dirname, file)], {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  return new Promise((resolve, reject) => {
    let started = false
    child.once('message', (first) => {
      started = true
      resolve({ child, first })
    })
    child.once('exit', (code, signal) => {
      const how = `the ${name} exited (${signal ?? code})`
      if (!started) return reject(new Error(`${how} before it started`))
      // Its requests or messages would fail next, with a less telling error.
      console.error(`${how} during the run`)
      process.exit(1)
    })
  })
}

const startServer = async (backend: Backend): Promise<number> =>
  ((await startChild(`${backend} server`, SERVER_CORE, 'server-child.mts', { NAPI_SECRETS_BACKEND: backend })).first as { port: number }).port

interface Sample {
  rps: number
  /** Server CPU microseconds a request. */
  cpu: number
  /** Share of one core the server used. */
  busy: number
}

type LoadResult = { errors: number; timeouts: number; non2xx: number } | { error: string }

/** Loads one path from the load's core; times a window of it from the server's side. */
async function measure(load: ChildProcess, port: number, path: string): Promise<Sample> {
  const done = new Promise<LoadResult>((resolve) => load.once('message', resolve))
  load.send({ url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS })
  const first = (await stats(port)).served
  const deadline = Date.now() + 20_000
  while ((await stats(port)).served === first) {
    if (Date.now() > deadline) throw new Error(`autocannon did not load ${path} within 20 s`)
    await sleep(10)
  }
  await sleep(warmup * 1000)
  const a = await stats(port)
  await sleep(duration * 1000)
  const b = await stats(port)
  load.send('stop')
  const result = await done
  if ('error' in result) throw new Error(`autocannon failed on ${path}: ${result.error}`)
  if (result.errors + result.timeouts + result.non2xx > 0) {
    throw new Error(`${path}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`)
  }
  const served = b.served - a.served
  return { rps: served / ((b.wall - a.wall) / 1e6), cpu: (b.cpu - a.cpu) / served, busy: (b.cpu - a.cpu) / (b.wall - a.wall) }
}

/** One response of each handler, checked for its shape before anything is timed. */
async function check(ports: Record<Backend, number>): Promise<void> {
  for (const backend of ['native', 'js'] as const) {
    const { backend: loaded } = await stats(ports[backend])
    if (loaded !== backend) throw new Error(`the ${backend} server loaded the ${loaded} backend`)
  }
  for (const [n, set] of [1, 100].map((n, i) => [n, sets[i]] as const)) {
    for (const { label, backend, path } of set) {
      const { status, body } = await get(ports[backend], path)
      const lines = body.split('\n')
      if (status !== 200 || lines.length !== n || lines.some((line) => !/^[\w-]{21,64}$/.test(line))) {
        throw new Error(`${label} answered ${status} with ${JSON.stringify(body.slice(0, 100))}`)
      }
    }
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y)
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const fixed = (x: number, digits: number): string => (x < 0 ? '−' : '') + Math.abs(x).toFixed(digits)

function table(set: Variant[], samples: Sample[][], tokens: number): string[] {
  const floor = samples[0]
  const perToken = tokens > 1 ? ' | CPU over the floor, per token' : ''
  const lines = [
    `| handler | requests/s | µs a request over the floor | server CPU, µs a request | CPU over the floor, µs a request${perToken} | server busy |`,
    `|---|---:|---:|---:|---:|${tokens > 1 ? '---:|' : ''}---:|`,
  ]
  set.forEach(({ label }, v) => {
    const mine = samples[v]
    const wall = median(mine.map((s, r) => 1e6 / s.rps - 1e6 / floor[r].rps))
    const cpu = median(mine.map((s, r) => s.cpu - floor[r].cpu))
    const over = (x: number) => (v === 0 ? '' : fixed(x, 2))
    const each = tokens > 1 ? ` | ${v === 0 ? '' : `${fixed((cpu / tokens) * 1000, 0)} ns`}` : ''
    const rps = Math.round(median(mine.map((s) => s.rps))).toLocaleString('en-US')
    lines.push(`| ${label} | ${rps} | ${over(wall)} | ${median(mine.map((s) => s.cpu)).toFixed(2)} | ${over(cpu)}${each} | ${Math.round(median(mine.map((s) => s.busy)) * 100)}% |`)
  })
  return lines
}

async function main(): Promise<void> {
  requirements()
  const ports = { native: await startServer('native'), js: await startServer('js') }
  const { child: load } = await startChild('load generator', LOAD_CORE, 'load-child.mts')
  await check(ports)
  const loadAverage = os.loadavg()[0]
  const samples = sets.map((set) => set.map(() => [] as Sample[]))
  for (let round = 0; round < rounds; round++) {
    for (const [s, set] of sets.entries()) {
      for (let k = 0; k < set.length; k++) {
        const v = (k + round) % set.length
        const sample = await measure(load, ports[set[v].backend], set[v].path)
        samples[s][v].push(sample)
        console.error(`round ${round + 1}/${rounds}: ${set[v].label}: ${Math.round(sample.rps)}/s, ${sample.cpu.toFixed(2)} µs CPU a request, ${Math.round(sample.busy * 100)}% busy`)
      }
    }
  }
  const cpus = os.cpus()
  const report = [
    `Machine: ${cpus[0].model}, ${cpus.length} cores, Linux load average ${loadAverage.toFixed(2)} at the start; Node.js ${process.version}, autocannon ${createRequire(import.meta.url)('autocannon/package.json').version}.`,
    `${rounds} interleaved round${rounds === 1 ? '' : 's'} of ${duration} s windows${quick ? ' (a quick run)' : ''}, ${CONNECTIONS} connections, server on one core and load on the other.`,
    '',
    'One 32-byte token a response:',
    '',
    ...table(sets[0], samples[0], 1),
    '',
    'A hundred 32-byte tokens a response, joined by newlines:',
    '',
    ...table(sets[1], samples[1], 100),
    '',
    'Requests/s: the median over rounds. Over the floor: the handler\'s time a request minus the',
    'constant\'s in the same round (wall: 1/requests/s; CPU: the server process\'s CPU time over the',
    'requests it served), the median over rounds. Server busy: its CPU time over wall time. Below',
    '100% the server waited, for the load generator or for its core (which other work on a shared',
    'machine takes), and requests/s understates it; the CPU columns are then the better measure.',
  ].join('\n')
  console.log(report)
  if (args.includes('--readme')) writeReadme('bench-server', report)
}

await main()
process.exit(0)
