// The `napi-secrets` command, end to end: each command's output in every form API.md gives it
// (short options, attached and combined, positionals as pwgen takes them), help and version,
// and compare's exit status. Bad input is walked in cli-errors.spec.mts, completion in
// cli-completion.spec.mts.

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import test from './helpers/test.mjs'

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js')
const EFF = new Set(readFileSync(join(import.meta.dirname, '..', 'lib', 'wordlists', 'eff-large.ts'), 'utf8').match(/[a-z-]+/g))

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 2 ** 28 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').slice(0, -1) }
}

test('hex, urlsafe and randbelow print one result a line, --count of them', (t) => {
  t.regex(run('hex').stdout, /^[0-9a-f]{64}\n$/)
  t.regex(run('hex', '4').stdout, /^[0-9a-f]{8}\n$/)
  t.regex(run('urlsafe').stdout, /^[\w-]{43}\n$/)
  t.regex(run('urlsafe', '10', '--count', '3').stdout, /^([\w-]{14}\n){3}$/)
  t.is(run('hex', '--count', '0').stdout, '')
  const below = run('randbelow', '10', '--count', '2000').lines.map(Number)
  t.is(below.length, 2000)
  t.deepEqual([...new Set(below)].sort(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  const big = 2n ** 256n
  t.true(run('randbelow', String(big), '--count', '5').lines.every((l) => /^\d+$/.test(l) && BigInt(l) < big))
  t.is(run('randbelow', '1').stdout, '0\n')
})

test('a million hex tokens, all different', (t) => {
  const { status, lines } = run('hex', '--count', '1000000')
  t.is(status, 0)
  t.is(lines.length, 1_000_000)
  t.true(lines.every((l) => l.length === 64))
  t.is(new Set(lines).size, 1_000_000)
})

test('password and passphrase take the options of password() and passphrase()', (t) => {
  t.regex(run('password').stdout, /^[a-zA-Z0-9]{20}\n$/)
  const policy = run('password', '--length', '10', '--min-digits', '3', '--min-upper', '2', '--min-lower', '1', '--count', '50')
  t.is(policy.lines.length, 50)
  t.true(policy.lines.every((p) => p.length === 10 && p.replace(/\D/g, '').length >= 3 && p.replace(/[^A-Z]/g, '').length >= 2))
  t.true(run('password', '--alphabet', 'ab!', '--min-symbols', '2', '--length', '4').stdout.replace(/[ab]/g, '').length >= 3)
  const words = run('passphrase').stdout.trim().split(' ')
  t.is(words.length, 6)
  t.true(words.every((w) => EFF.has(w)))
  t.regex(run('passphrase', '--words', '3', '--separator', '-', '--count', '2').stdout, /^([a-z-]+-){2}[a-z-]+\n[a-z-]+(-[a-z-]+){2}\n$/)
  const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-cli-'))
  const file = join(dir, 'words.txt')
  writeFileSync(file, 'alpha\r\nbeta\ngamma\n')
  t.true(run('passphrase', '--wordlist', file, '--words', '20').stdout.trim().split(' ').every((w) => ['alpha', 'beta', 'gamma'].includes(w)))
})

test('bytes writes raw bytes to a pipe and refuses a terminal', (t) => {
  const r = spawnSync(process.execPath, [CLI, 'bytes', '100', '--count', '3'])
  t.is(r.status, 0)
  t.is(r.stdout.length, 300)
  t.is(spawnSync(process.execPath, [CLI, 'bytes']).stdout.length, 32)
  // util-linux `script` gives the command a terminal as stdout (BSD's, on macOS, takes other flags).
  if (process.platform !== 'linux') return t.log('not Linux: the terminal case is not checked')
  const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" bytes`, '/dev/null'], { encoding: 'utf8' })
  if (tty.error) return t.log('no `script` command: the terminal case is not checked')
  t.not(tty.status, 0)
  t.regex(tty.stdout, /^napi-secrets: bytes: stdout is a terminal/)
})

test('compare exits 0 when equal and 1 when not, printing nothing', (t) => {
  t.like(run('compare', 'secret', 'secret'), { status: 0, stdout: '', stderr: '' })
  t.like(run('compare', 'secret', 'secreT'), { status: 1, stdout: '', stderr: '' })
  t.like(run('compare', 'short', 'longer one'), { status: 1, stdout: '' })
  t.like(run('compare', '--', '-x', '-x'), { status: 0 })
  t.like(run('compare', '-x', '-y'), { status: 1 })
  // A wrong number of arguments is an error that shows none of them.
  const bad = run('compare', 'hunter2', 'hunter2', 'hunter2')
  t.is(bad.status, 2)
  t.false(bad.stderr.includes('hunter2'))
})

test('--help, help COMMAND and --version', (t) => {
  const all = run('--help')
  t.is(all.status, 0)
  for (const word of ['hex', 'base64', 'urlsafe', 'bytes', 'randbelow', 'password [LENGTH [COUNT]]', 'passphrase', 'compare',
    'completion bash|zsh|fish', '-c, --count', '-l, --length', '-y, --symbols', '--alphabet', '--min-lower', '--min-upper',
    '--min-digits', '--min-symbols', '-n, --words', '-d, --separator', '-w, --wordlist', '-h, --help', '-V, --version', 'example:']) {
    t.true(all.stdout.includes(word), word)
  }
  t.is(run('help').stdout, all.stdout)
  const one = run('help', 'password')
  t.regex(one.stdout, /^napi-secrets password \[LENGTH \[COUNT\]\] \[OPTIONS\]\n/)
  t.true(one.stdout.includes('example: napi-secrets password'))
  t.is(run('password', '--help').stdout, one.stdout)
  t.is(run('password', '-l', '3', '-h').stdout, one.stdout)
  t.is(run('-h').stdout, all.stdout)
  t.is(run('-V').stdout, run('--version').stdout)
  // Every command's help has an example of it.
  for (const name of ['hex', 'base64', 'urlsafe', 'bytes', 'randbelow', 'password', 'passphrase', 'compare', 'completion']) {
    t.regex(run('help', name).stdout, new RegExp(`example: .*napi-secrets ${name}`), name)
  }
  t.is(run('compare', '--help').stdout, run('help', 'compare').stdout)
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }
  t.is(run('--version').stdout, `${pkg.version}\n`)
})

test('a reader that stops early ends the output quietly', async (t) => {
  const child = spawn(process.execPath, [CLI, 'hex', '--count', '10000000'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  child.stdout.once('data', () => child.stdout.destroy())
  const status = await new Promise((resolve) => child.on('close', resolve))
  t.is(status, 0)
  t.is(stderr, '')
})

test('sizes past what JavaScript can hold are bad input in the command line\'s words, never a crash', (t) => {
  // --words was checked against the longest Array only, and the words gathered by push past V8's
  // limit: exit 133.
  const words = run('passphrase', '--words', '115000000')
  t.is(words.status, 2)
  t.regex(words.stderr, /^napi-secrets: passphrase: --words must be <= \d+, as 115000000 words .*, not "115000000"\n$/)
  // Numbers as typed, with their range, not JavaScript's 9_007_199_254_740_991.
  const hex = run('hex', '9007199254740991')
  t.is(hex.status, 2)
  t.regex(hex.stderr, /^napi-secrets: hex: NBYTES must be a whole number from 0 to \d+, not "9007199254740991"\n$/)
})

test('output without end stops when its reader goes', async (t) => {
  // process.stdout cannot be destroyed, and writes that never wait starved the error event:
  // `napi-secrets hex --count 9007199254740991 | head -c 100` never ended.
  for (const args of [['hex', '--count', '9007199254740991'], ['bytes', '1', '--count', '9007199254740991']]) {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.once('data', () => child.stdout.destroy())
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000)
    const [status, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (...end) => resolve(end)))
    clearTimeout(guard)
    t.deepEqual([status, signal], [0, null], args.join(' '))
  }
})
