// Every way the command line refuses input, walked: each prints one line on stderr,
// `napi-secrets: COMMAND: problem` (or `napi-secrets: problem` before a command is known), naming
// the option or argument as typed, with the allowed range for a number, nothing on stdout, exit
// status 2, and none of JavaScript's wording. The last test reads every `new Usage(...)` message
// of lib/cli and requires that some case here produced it, so a new error path needs a case.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import test from './helpers/test.mjs'

const ROOT = join(import.meta.dirname, '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const SAFE = String(Number.MAX_SAFE_INTEGER)

const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-cli-'))
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}

// [arguments, the whole message after `napi-secrets: `, as a pattern]
const CASES: [string[], RegExp][] = [
  [[], /^no command given; try 'napi-secrets --help'$/],
  [['nope'], /^unknown command "nope"; the commands are hex, base64, .*completion$/],
  [['--nope'], /^unknown option "--nope" before a command/],
  [['help', 'nope'], /^help: unknown command "nope"/],
  [['help', 'hex', 'base64'], /^help: takes one COMMAND, not 2$/],
  [['hex', '--nope'], /^hex: unknown option "--nope"$/],
  [['hex', '--nope=3'], /^hex: unknown option "--nope"$/],
  [['password', '--lenght', '3'], /^password: unknown option "--lenght"$/],
  [['password', '-yx'], /^password: unknown option "-x" \(in "-yx"\)$/],
  [['hex', '-x'], /^hex: unknown option "-x"$/],
  [['password', '--symbols=yes'], /^password: --symbols takes no value$/],
  [['hex', '--count'], /^hex: --count needs a value \(N\)$/],
  [['hex', '-c'], /^hex: -c needs a value \(N\)$/],
  [['hex', 'abc'], /^hex: NBYTES must be a whole number from 0 to \d+, not "abc"$/],
  [['hex', '-1'], /^hex: NBYTES must be a whole number from 0 to \d+, not "-1"$/],
  [['hex', '1.5'], /^hex: NBYTES must be a whole number from 0 to \d+, not "1.5"$/],
  [['hex', '1e3'], /^hex: NBYTES must be a whole number from 0 to \d+, not "1e3"$/],
  [['hex', '99999999999'], /^hex: NBYTES must be a whole number from 0 to 268435444, not "99999999999"$/],
  [['base64', String(2 ** 31)], /^base64: NBYTES must be a whole number from 0 to \d+, not "2147483648"$/],
  [['urlsafe', '-5'], /^urlsafe: NBYTES must be a whole number from 0 to \d+, not "-5"$/],
  [['bytes', '-5'], /^bytes: NBYTES must be a whole number from 0 to 9007199254740991, not "-5"$/],
  [['hex', '4', '5'], /^hex: takes at most 1 argument, \[NBYTES\]; "5" is one too many$/],
  [['passphrase', 'extra'], /^passphrase: takes no arguments; "extra" is one too many$/],
  [['hex', '--count', '-1'], /^hex: --count must be a whole number from 0 to 9007199254740991, not "-1"$/],
  [['hex', '--count=-1'], /^hex: --count must be a whole number from 0 to 9007199254740991, not "-1"$/],
  [['hex', '-c', '-1'], /^hex: -c must be a whole number from 0 to 9007199254740991, not "-1"$/],
  [['hex', '-c-1'], /^hex: -c must be a whole number from 0 to 9007199254740991, not "-1"$/],
  [['urlsafe', '-c', 'x'], /^urlsafe: -c must be a whole number from 0 to \d+, not "x"$/],
  [['base64', '-c', '2.5'], /^base64: -c must be a whole number/],
  [['randbelow', '5', '--count', '-2'], /^randbelow: --count must be a whole number from 0 to/],
  [['bytes', SAFE, '-c', '2'], /^bytes: NBYTES times -c must be at most 9007199254740991 bytes$/],
  [['randbelow'], /^randbelow: N is missing: give the bound, a whole number >= 1$/],
  [['randbelow', '0'], /^randbelow: N must be a whole number >= 1 \(of any size\), not "0"$/],
  [['randbelow', '-7'], /^randbelow: N must be a whole number >= 1 \(of any size\), not "-7"$/],
  [['randbelow', '1e9'], /^randbelow: N must be a whole number >= 1/],
  [['password', '0'], /^password: LENGTH must be a whole number from 1 to \d+, not "0"$/],
  [['password', '--length', '0'], /^password: --length must be a whole number from 1 to \d+, not "0"$/],
  [['password', '-l0'], /^password: -l must be a whole number from 1 to \d+, not "0"$/],
  [['password', '-l', '-3'], /^password: -l must be a whole number from 1 to \d+, not "-3"$/],
  [['password', '16', '-1'], /^password: COUNT must be a whole number from 0 to \d+, not "-1"$/],
  [['password', '16', '-l', '8'], /^password: LENGTH and -l both given; give one$/],
  [['password', '16', '5', '-c', '2'], /^password: COUNT and -c both given; give one$/],
  [['password', '--min-digits', '-1'], /^password: --min-digits must be a whole number from 0 to \d+, not "-1"$/],
  [['password', '-l', '3', '--min-digits', '5'], /^password: -l must be >= 5, the sum of the minimums, not "3"$/],
  [['password', '3', '--min-upper', '2', '--min-lower', '2'], /^password: LENGTH must be >= 4, the sum of the minimums, not "3"$/],
  [['password', '--min-symbols', '1'], /^password: --min-symbols must be 0, as the alphabet has no symbols, not "1"$/],
  [['password', '--alphabet', 'abc', '--min-upper', '1'], /^password: --min-upper must be 0, as the alphabet has no ASCII uppercase letters, not "1"$/],
  [['password', '--alphabet', 'aab'], /^password: --alphabet has "a" twice: give each character once/],
  [['password', '--alphabet='], /^password: --alphabet must not be empty/],
  [['password', '--alphabet', '\u{1F600}', '-l', '300000000'], /^password: -l must be <= \d+ \(the longest string, at 2 UTF-16 units a character\), not "300000000"$/],
  [['passphrase', '--words', 'many'], /^passphrase: --words must be a whole number from 1 to \d+, not "many"$/],
  [['passphrase', '-n', '0'], /^passphrase: -n must be a whole number from 1 to \d+, not "0"$/],
  [['passphrase', '-n', '-2'], /^passphrase: -n must be a whole number from 1 to \d+, not "-2"$/],
  [['passphrase', '-n', '115000000'], /^passphrase: -n must be <= \d+, as 115000000 words .*, not "115000000"$/],
  [['passphrase', '-w', join(dir, 'missing.txt')], /^passphrase: -w: cannot read ".*missing\.txt": no such file$/],
  [['passphrase', '--wordlist', dir], /^passphrase: --wordlist: cannot read .*: it is a directory$/],
  [['passphrase', '-w', file('none.txt', '')], /^passphrase: -w: ".*none\.txt" has no words$/],
  [['passphrase', '-w', file('blank.txt', 'a\n\nb\n')], /^passphrase: -w: line 2 of ".*blank\.txt" is empty: a line must be one word, or dice digits, a tab and a word$/],
  [['passphrase', '-w', file('twice.txt', 'a\nb\na\n')], /^passphrase: -w: line 3 of ".*twice\.txt" repeats "a"$/],
  [['passphrase', '-w', file('spaces.txt', 'a\n11111 abacus\n')], /^passphrase: -w: line 2 of .* is "11111 abacus": a line must be one word/],
  [['passphrase', '-w', file('tabs.txt', '11111\tabacus\n11112\tab\tdomen\n')], /^passphrase: -w: line 2 of .* is "11112\\tab\\tdomen"/],
  [['compare', 'only-one'], /^compare: takes two arguments, A and B, not 1$/],
  [['compare', 'hunter2', 'hunter2', 'hunter2'], /^compare: takes two arguments, A and B, not 3$/],
  [['completion'], /^completion: which shell\? give bash, zsh or fish$/],
  [['completion', 'tcsh'], /^completion: unknown shell "tcsh"; the shells are bash, zsh and fish$/],
]

const seen: string[] = []

test.serial('every error path prints one line, napi-secrets: COMMAND: problem, and exits 2', (t) => {
  for (const [args, pattern] of CASES) {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
    const what = `napi-secrets ${args.join(' ')}`
    t.is(r.status, 2, what)
    t.is(r.stdout, '', what)
    t.regex(r.stderr, /^napi-secrets: [^\n]+\n$/, what)
    const message = r.stderr.slice('napi-secrets: '.length, -1)
    t.regex(message, pattern, what)
    // None of JavaScript's wording: no Received, no digit separators, no error class, no stack.
    t.notRegex(message, /Received|\d_\d{3}|is out of range|Error|\bat .*:\d+|options\.|ambiguous/, what)
    // A secret given to compare is never shown.
    t.false(message.includes('hunter2'), what)
    seen.push(message.replace(/^(help|hex|base64|urlsafe|bytes|randbelow|password|passphrase|compare|completion): /, ''))
  }
})

/** Each `new Usage(...)` message of lib/cli as a pattern: its text, with `.*` for each `${...}`. */
function usageMessages(): { where: string; pattern: RegExp }[] {
  const found: { where: string; pattern: RegExp }[] = []
  for (const name of ['cli.ts', ...readdirSync(join(ROOT, 'lib', 'cli')).map((f) => join('cli', f))]) {
    const source = readFileSync(join(ROOT, 'lib', name), 'utf8')
    for (const match of source.matchAll(/new (?:Command)?Usage\((?:'help', |name, )?([`'])/g)) {
      let i = match.index + match[0].length
      let text = ''
      // A template literal: its text up to the closing quote, each `${...}` (nested templates
      // and braces included) skipped as one wildcard.
      while (source[i] !== match[1]) {
        if (match[1] === '`' && source.startsWith('${', i)) {
          let depth = 0
          i++
          do {
            if (source[i] === '{') depth++
            else if (source[i] === '}') depth--
            i++
          } while (depth > 0)
          text += '\u0000'
        } else {
          text += source[i++]
        }
      }
      const escaped = text.replace(/\\(.)/g, '$1').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\u0000', '.*')
      found.push({ where: `lib/${name}: ${text.replaceAll('\u0000', '…')}`, pattern: new RegExp(`^${escaped}$`) })
    }
  }
  return found
}

// The one error path no child process here can reach without a terminal: cli.spec.mts checks it
// under `script`.
const ELSEWHERE = [/stdout is a terminal/, /completion is not wired/]

test.serial('every error message of lib/cli is produced by some case above', (t) => {
  const messages = usageMessages()
  t.true(messages.length >= 25, `found only ${messages.length} messages: the scan is broken`)
  for (const { where, pattern } of messages) {
    if (ELSEWHERE.some((p) => p.test(where))) continue
    t.true(seen.some((m) => pattern.test(m)), `no case reaches ${where}`)
  }
})
