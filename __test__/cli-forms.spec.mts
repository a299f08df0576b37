// The forms API.md's "Command line" gives each command: `base64` as `openssl rand -base64`
// prints it, short options (attached `-c3`, combined `-yc3`, `--opt=value`, `--` ending options),
// `password [LENGTH [COUNT]]` and `-y` as pwgen takes them, xkcdpass's letters for
// `passphrase`, the EFF's published wordlist format, and zero counts.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { encode } from '../lib/cli/base64.js'
import test from './helpers/test.mjs'

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js')
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').slice(0, -1) }
}

test('base64 is padded standard base64 of NBYTES bytes on one line, as openssl rand -base64', (t) => {
  t.regex(run('base64').stdout, /^[A-Za-z0-9+/]{43}=\n$/)
  for (const [n, pattern] of [[1, /^[A-Za-z0-9+/]{2}==$/], [2, /^[A-Za-z0-9+/]{3}=$/], [3, /^[A-Za-z0-9+/]{4}$/], [0, /^$/]] as const) {
    const { lines, status } = run('base64', String(n))
    t.is(status, 0)
    t.deepEqual(lines.length, 1)
    t.regex(lines[0], pattern, `base64 ${n}`)
    t.is(Buffer.from(lines[0], 'base64').length, n)
  }
  // One line however long: openssl wraps at 64 columns without -A.
  const long = run('base64', '1000').lines
  t.is(long.length, 1)
  t.is(long[0].length, 1336)
  t.is(Buffer.from(long[0], 'base64').toString('base64'), long[0])
  // All 64 digits turn up, '+' and '/' included (16000 digits: missing one has odds of about e**-250).
  const many = run('base64', '3', '-c', '4000').lines
  t.is(many.length, 4000)
  t.is(new Set(many.join('')).size, 64)
})

test('base64 digits are Node\'s standard base64 for every byte value and every length mod 3', (t) => {
  // Every 6-bit value in every position of a group, and the two padded tails.
  const all = Uint8Array.from({ length: 256 * 3 }, (_, i) => (i % 3 === 0 ? i / 3 : (i * 7 + (i >> 8)) & 255))
  for (let length = 0; length <= all.length; length += length < 10 ? 1 : 97) {
    const bytes = all.subarray(0, length)
    t.is(encode(bytes), Buffer.from(bytes).toString('base64'), `${length} bytes`)
  }
})

test('-c N, -cN and --count=N on every generating command', (t) => {
  for (const command of ['hex', 'base64', 'urlsafe', 'password', 'passphrase']) {
    for (const form of [['-c', '3'], ['-c3'], ['--count=3'], ['--count', '3']]) {
      t.is(run(command, ...form).lines.length, 3, `${command} ${form.join(' ')}`)
    }
  }
  t.is(run('randbelow', '-c3', '10').lines.length, 3)
  t.is(spawnSync(process.execPath, [CLI, 'bytes', '5', '-c4']).stdout.length, 20)
})

test('password takes LENGTH and COUNT as pwgen does, -l, and -y for ASCII punctuation', (t) => {
  const five = run('password', '16', '5').lines
  t.is(five.length, 5)
  t.true(five.every((p) => /^[A-Za-z0-9]{16}$/.test(p)))
  t.regex(run('password', '-l', '8').stdout, /^[A-Za-z0-9]{8}\n$/)
  t.regex(run('password', '-l8').stdout, /^[A-Za-z0-9]{8}\n$/)
  t.regex(run('password', '--length=9').stdout, /^[A-Za-z0-9]{9}\n$/)
  // pwgen -sy 16 5: every password has a symbol, and only letters, digits and punctuation.
  const symbols = run('password', '-y', '16', '5').lines
  t.is(symbols.length, 5)
  const allowed = new Set(`abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789${PUNCTUATION}`)
  for (const p of symbols) {
    t.is(p.length, 16)
    t.true([...p].every((c) => allowed.has(c)), p)
    t.true([...p].some((c) => PUNCTUATION.includes(c)), p)
  }
  // Short options combined, a value attached to the last: -y, then --count 3, then -l 4.
  const combined = run('password', '-yc3', '-l4').lines
  t.is(combined.length, 3)
  t.true(combined.every((p) => p.length === 4 && [...p].some((c) => PUNCTUATION.includes(c))))
  // Every punctuation character can come up (2000 characters, 1 in 94 each at least).
  t.is(new Set([...run('password', '-y', '-l', '2000').stdout.trim()].filter((c) => PUNCTUATION.includes(c))).size, 32)
  // -y adds to --alphabet only what it lacks, and --min-symbols overrides its one.
  t.true(run('password', '-y', '--alphabet', 'ab!', '-l', '50').stdout.trim().split('').every((c) => 'ab'.includes(c) || PUNCTUATION.includes(c)))
  const two = run('password', '-y', '--min-symbols', '6', '-l', '6').stdout.trim()
  t.true([...two].every((c) => PUNCTUATION.includes(c)), two)
})

test('passphrase takes xkcdpass\'s -n, -d and -w', (t) => {
  t.regex(run('passphrase', '-n', '4', '-d', '-').stdout, /^[a-z-]+(-[a-z-]+){3}\n$/)
  t.regex(run('passphrase', '-n3', '-d.').stdout, /^[a-z-]+(\.[a-z-]+){2}\n$/)
  t.regex(run('passphrase', '--words=2', '--separator=_').stdout, /^[a-z-]+_[a-z-]+\n$/)
  // A separator that looks like an option is still the value.
  t.regex(run('passphrase', '-n', '2', '-d', '--').stdout, /^[a-z-]+--[a-z-]+\n$/)
  const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-cli-'))
  const plain = join(dir, 'plain.txt')
  writeFileSync(plain, 'alpha\r\nbeta\ngamma\n')
  t.true(run('passphrase', '-w', plain, '-n', '20').stdout.trim().split(' ').every((w) => ['alpha', 'beta', 'gamma'].includes(w)))
  // The EFF's file as published: dice digits, a tab, the word; the digits are dropped.
  const eff = join(dir, 'eff.txt')
  writeFileSync(eff, '11111\tabacus\n11112\tabdomen\n11113\tabdominal\n')
  const words = run('passphrase', '--wordlist', eff, '-n', '30').stdout.trim().split(' ')
  t.is(words.length, 30)
  t.true(words.every((w) => ['abacus', 'abdomen', 'abdominal'].includes(w)), words.join(' '))
  t.regex(run('passphrase', `--wordlist=${eff}`).stdout, /^[a-z]+( [a-z]+){5}\n$/)
})

test('-- ends the options, and compare compares any two arguments', (t) => {
  t.regex(run('hex', '--', '4').stdout, /^[0-9a-f]{8}\n$/)
  t.like(run('compare', '--help', '--help'), { status: 0, stdout: '' })
  t.like(run('compare', '-h', '--version'), { status: 1, stdout: '' })
  t.like(run('compare', '--', '--'), { status: 0, stdout: '' })
  t.like(run('compare', '-c3', '-c3'), { status: 0, stdout: '' })
})

test('zero results print nothing; zero bytes print an empty token', (t) => {
  t.like(run('hex', '-c', '0'), { status: 0, stdout: '' })
  t.like(run('password', '16', '0'), { status: 0, stdout: '' })
  t.like(run('hex', '0'), { status: 0, stdout: '\n' })
})
