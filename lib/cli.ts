#!/usr/bin/env node
// The `napi-secrets` command: tokens, passwords and passphrases for shells and scripts, one
// result a line. Bad input is one line on stderr and exit status 2, never a stack trace;
// `compare` exits 0 or 1 and never shows its arguments.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { stringSet } from './collections.js'
import * as secrets from './index.js'
import { drawPassword, policyOf } from './password.js'
import { drawPassphrase, phrasingOf } from './recipes.js'

class Usage extends Error {}

interface Command {
  args: string
  about: string
  options: Record<string, string>
  example: string
  run(positionals: string[], values: Record<string, string | undefined>): Promise<void> | number
}

const COUNT = { '--count N': 'print N results (default 1)' }

/** A whole number given as `what`, at most `max`. */
function whole(text: string | undefined, what: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text) || Number(text) > max) throw new Usage(`${what} must be a whole number up to ${max}, not ${JSON.stringify(text)}`)
  return Number(text)
}

// Set when the reader of stdout has gone. process.stdout cannot be destroyed (its `destroy`
// does nothing and `destroyed` stays false), so the writers watch this instead.
let readerGone = false

/** Writes `text`, waiting when the pipe is full; false once the reader has gone. */
async function write(text: string | Uint8Array): Promise<boolean> {
  if (readerGone) return false
  const out = process.stdout
  if (out.write(text)) {
    // Writes to a pipe or file are synchronous and may succeed without end: yield to the event
    // loop, or the error of a reader gone away (`| head -c 10`) never arrives and output never ends.
    await new Promise<void>((resolve) => setImmediate(resolve))
  } else {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done)
        out.off('close', done)
        resolve()
      }
      out.on('drain', done)
      out.on('close', done)
    })
  }
  return !readerGone
}

/**
 * `count` lines of up to `width` characters, made by `make(n)` about a megabyte at a time: one
 * line a write when a line is that long, and its newline written apart, so a line of the longest
 * string never makes a longer one.
 */
async function lines(count: number, width: number, make: (n: number) => string[]): Promise<void> {
  const per = Math.max(1, Math.floor(2 ** 20 / Math.max(width, 1)))
  for (let done = 0; done < count; ) {
    const n = Math.min(per, count - done)
    if (!(await write(make(n).join('\n'))) || !(await write('\n'))) return
    done += n
  }
}

const repeat = (make: () => string) => (n: number) => Array.from({ length: n }, make)

function tokens(batch: (count: number, nbytes: number) => string[]): Command['run'] {
  return ([nbytes], values) => {
    const size = whole(nbytes, 'NBYTES', secrets.DEFAULT_ENTROPY)
    // Two characters a byte at most (hex).
    return lines(whole(values.count, '--count', 1), 2 * size, (n) => batch(n, size))
  }
}

function wordlist(file: string | undefined): string[] | undefined {
  if (file === undefined) return undefined
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new Usage(`--wordlist: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  const words = text.split(/\r?\n/)
  if (words.at(-1) === '') words.pop()
  const seen = stringSet()
  words.forEach((word, i) => {
    if (word === '') throw new Usage(`--wordlist: line ${i + 1} of ${file} is empty`)
    if (seen.has(word)) throw new Usage(`--wordlist: line ${i + 1} of ${file} repeats ${JSON.stringify(word)}`)
    seen.add(word)
  })
  if (words.length === 0) throw new Usage(`--wordlist: ${file} has no words`)
  return words
}

const COMMANDS: Record<string, Command> = {
  hex: {
    args: '[NBYTES]',
    about: `a random token of NBYTES bytes (default ${secrets.DEFAULT_ENTROPY}) as lowercase hex`,
    options: COUNT,
    example: 'napi-secrets hex 16 --count 3',
    run: tokens(secrets.tokenHexBatch),
  },
  urlsafe: {
    args: '[NBYTES]',
    about: `a random token of NBYTES bytes (default ${secrets.DEFAULT_ENTROPY}) as unpadded base64url`,
    options: COUNT,
    example: 'napi-secrets urlsafe',
    run: tokens(secrets.tokenUrlsafeBatch),
  },
  bytes: {
    args: '[NBYTES]',
    about: `NBYTES raw random bytes (default ${secrets.DEFAULT_ENTROPY}); refused when stdout is a terminal`,
    options: COUNT,
    example: 'napi-secrets bytes 64 > key.bin',
    async run([nbytes], values) {
      const size = whole(nbytes, 'NBYTES', secrets.DEFAULT_ENTROPY)
      const count = whole(values.count, '--count', 1)
      if (process.stdout.isTTY) throw new Usage('bytes: stdout is a terminal; redirect it to a file or a pipe')
      // Results back to back, so any split into writes gives the same bytes.
      for (let left = size * count; left > 0; ) {
        const n = Math.min(left, 2 ** 20)
        if (!(await write(secrets.tokenBytes(n)))) return
        left -= n
      }
    },
  },
  randbelow: {
    args: 'N',
    about: 'a random integer in [0, N), for an N of any size',
    options: COUNT,
    example: 'napi-secrets randbelow 1000000',
    run([n], values) {
      if (n === undefined) throw new Usage('randbelow: N is missing')
      if (!/^\d+$/.test(n) || BigInt(n) < 1n) throw new Usage(`N must be a whole number >= 1, not ${JSON.stringify(n.slice(0, 40))}`)
      const bound = BigInt(n)
      return lines(whole(values.count, '--count', 1), n.length, repeat(() => String(secrets.randbelow(bound))))
    },
  },
  password: {
    args: '',
    about: 'a password, uniform over all that meet the minimums (default 20 letters and digits)',
    options: {
      '--length N': 'characters (default 20)',
      '--alphabet S': 'the characters to use, each once (default A-Z a-z 0-9)',
      '--min-lower N': 'at least N of a-z',
      '--min-upper N': 'at least N of A-Z',
      '--min-digits N': 'at least N of 0-9',
      '--min-symbols N': 'at least N other characters of the alphabet',
      ...COUNT,
    },
    example: "napi-secrets password --length 16 --alphabet 'abcdefgh0123456789!?' --min-symbols 1",
    run(_, values) {
      const num = (flag: string) => (values[flag] === undefined ? undefined : whole(values[flag], `--${flag}`, 0))
      const options = {
        length: num('length'),
        alphabet: values.alphabet,
        minLower: num('min-lower'),
        minUpper: num('min-upper'),
        minDigits: num('min-digits'),
        minSymbols: num('min-symbols'),
      }
      const policy = policyOf(options) // checked once, before any output
      return lines(whole(values.count, '--count', 1), 2 * policy.length, repeat(() => drawPassword(policy)))
    },
  },
  passphrase: {
    args: '',
    about: 'words drawn uniformly from the EFF large wordlist (7776 words, 12.9 bits a word)',
    options: {
      '--words N': 'how many words (default 6)',
      '--separator S': "what goes between them (default ' ')",
      '--wordlist FILE': 'draw from the words of FILE instead, one a line',
      ...COUNT,
    },
    example: 'napi-secrets passphrase --words 5 --separator -',
    run(_, values) {
      const options = {
        words: values.words === undefined ? undefined : whole(values.words, '--words', 6),
        separator: values.separator,
        wordlist: wordlist(values.wordlist),
      }
      const phrasing = phrasingOf(options) // checked once, before any output
      return lines(whole(values.count, '--count', 1), phrasing.longest, repeat(() => drawPassphrase(phrasing)))
    },
  },
  compare: {
    args: 'A B',
    about: 'exit 0 if A equals B, 1 if not, in constant time; prints nothing (arguments show in process lists: pass secrets from variables)',
    options: {},
    example: 'napi-secrets compare "$GIVEN" "$EXPECTED" && echo match',
    run(positionals) {
      if (positionals.length !== 2) throw new Usage(`compare takes two arguments, A and B, not ${positionals.length}`)
      return secrets.compareDigest(positionals[0], positionals[1]) ? 0 : 1
    },
  },
}

function helpOf(name: string): string {
  const { args, about, options, example } = COMMANDS[name]
  const lines = [`napi-secrets ${name}${args ? ` ${args}` : ''}`, `  ${about}`]
  for (const [flag, text] of Object.entries(options)) lines.push(`    ${flag.padEnd(18)} ${text}`)
  lines.push(`  example: ${example}`)
  return lines.join('\n')
}

function help(): string {
  return [
    'napi-secrets: tokens, passwords and passphrases from the OS CSPRNG, one result a line.',
    '',
    ...Object.keys(COMMANDS).flatMap((name) => [helpOf(name), '']),
    'napi-secrets help COMMAND | --help | --version',
    'Bad input exits with status 2.',
  ].join('\n')
}

function version(): string {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
  return version
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) throw new Usage("no command given; try 'napi-secrets --help'")
  if (name === '--help' || name === '-h') return print(help())
  if (name === '--version' || name === '-V') return print(version())
  if (name === 'help') {
    if (rest.length === 0) return print(help())
    if (!Object.hasOwn(COMMANDS, rest[0])) throw new Usage(`help: no command ${JSON.stringify(rest[0])}`)
    return print(helpOf(rest[0]))
  }
  if (!Object.hasOwn(COMMANDS, name)) throw new Usage(`unknown command ${JSON.stringify(name.slice(0, 40))}; try 'napi-secrets --help'`)
  const command = COMMANDS[name]
  if (name === 'compare') {
    // The arguments are secrets: never parsed as options, so never echoed in a message.
    if (rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) return print(helpOf(name))
    return (await command.run(rest[0] === '--' ? rest.slice(1) : rest, {})) ?? 0
  }
  const flags = Object.fromEntries(Object.keys(command.options).map((flag) => [flag.split(' ')[0].slice(2), { type: 'string' as const }]))
  let parsed
  try {
    parsed = parseArgs({ args: rest, options: { ...flags, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
  } catch (error) {
    throw new Usage(`${name}: ${(error as Error).message.split('. ')[0]}`)
  }
  if (parsed.values.help) return print(helpOf(name))
  const most = command.args === '' ? 0 : command.args.split(' ').length
  if (parsed.positionals.length > most) throw new Usage(`${name} takes ${most === 0 ? 'no' : `at most ${most}`} arguments, not ${parsed.positionals.length}`)
  return (await command.run(parsed.positionals, parsed.values as Record<string, string | undefined>)) ?? 0
}

function print(text: string): number {
  process.stdout.write(`${text}\n`)
  return 0
}

// Names of the library's messages as the command line spells them.
const FLAGS: Record<string, string> = {
  '"options.length"': '--length',
  '"options.alphabet"': '--alphabet',
  '"options.minLower"': '--min-lower',
  '"options.minUpper"': '--min-upper',
  '"options.minDigits"': '--min-digits',
  '"options.minSymbols"': '--min-symbols',
  '"options.words"': '--words',
  '"options.separator"': '--separator',
  '"nbytes"': 'NBYTES',
  '"count"': '--count',
}

function fail(error: unknown): number {
  let message = error instanceof Error ? error.message : String(error)
  for (const [name, flag] of Object.entries(FLAGS)) message = message.replaceAll(name, flag)
  // Numbers as the user typed them: JavaScript's 9_007_199_254_740_991 is 9007199254740991.
  message = message.replace(/(?<=\d)_(?=\d{3})/g, '')
  process.stderr.write(`napi-secrets: ${message.replace(/\s*\n\s*/g, ' ')}\n`)
  return 2
}

// A reader that goes away (`| head -1`) ends the output, quietly: EPIPE, or EOF on Windows,
// where libuv reports a pipe whose reader has closed as EOF.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'EOF' && !readerGone) process.exitCode = fail(error)
  readerGone = true
})

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    process.exitCode = fail(error)
  },
)
