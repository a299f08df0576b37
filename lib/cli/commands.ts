// The commands: each one's arguments, options, help and examples, and what it does. The parser,
// the help and the shell completions all read this table, so they cannot disagree.

import * as secrets from '../index.js'
import { MAX_LENGTH, MAX_STRING_LENGTH } from '../platform.js'
import { drawPassword, policyOf } from '../password.js'
import { drawPassphrase, phrasingOf } from '../recipes.js'
import { MAX_HEX_BYTES, MAX_URLSAFE_BYTES } from '../secrets.js'
import { ensureHeap } from '../validate.js'
import { MAX_BASE64_BYTES, base64Length, tokenBase64 } from './base64.js'
import { library } from './library.js'
import { lines, repeat, write } from './output.js'
import { type Option, type Parsed, Usage, quote, whole } from './parse.js'
import { readWordlist } from './wordlist.js'

const MAX_SAFE = Number.MAX_SAFE_INTEGER

export interface Command {
  /** The arguments, as help shows them; `most` is how many there may be. */
  args: string
  most: number
  about: string
  options: Option[]
  examples: string[]
  /** Runs the command; a number is the exit status (default 0). */
  run(parsed: Parsed): Promise<void> | number | void
}

export const HELP: Option = { long: 'help', short: 'h', about: 'show this help' }
const COUNT: Option = { long: 'count', short: 'c', value: 'N', about: 'print N results, one a line (default 1)' }

// ASCII punctuation, as `pwgen -y` and Python's string.punctuation have it.
export const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'

/** The option's value as a whole number in range, or `fallback` when it was not given. */
function num(p: Parsed, long: string, min: number, max: number, fallback: number): number {
  const text = p.values.get(long)
  return text === undefined ? fallback : whole(text, p.typed.get(long)!, min, max)
}

/** A number given either as positional `index` (named `name`) or as option `long`, not both. */
function either(p: Parsed, index: number, name: string, long: string, min: number, max: number, fallback: number): number {
  const text = p.positionals[index]
  if (text === undefined) return num(p, long, min, max, fallback)
  if (p.values.has(long)) throw new Usage(`${name} and ${p.typed.get(long)} both given; give one`)
  return whole(text, name, min, max)
}

const count = (p: Parsed) => num(p, 'count', 0, MAX_SAFE, 1)

/** A token command: NBYTES up to `max`, encoded by `batch`, `width` characters for n bytes. */
function tokens(max: number, width: (n: number) => number, batch: (count: number, nbytes: number) => string[]): Command['run'] {
  return (p) => {
    const size = whole(p.positionals[0] ?? String(secrets.DEFAULT_ENTROPY), 'NBYTES', 0, max)
    const n = count(p)
    // Checked once, before any output: a token the heap cannot hold (two bytes a character).
    library(() => ensureHeap(2 * width(size), 'nbytes', size), { nbytes: ['NBYTES', String(size)] })
    return lines(n, width(size), (k) => library(() => batch(k, size), { nbytes: ['NBYTES', String(size)] }))
  }
}

export const COMMANDS: Record<string, Command> = {
  hex: {
    args: '[NBYTES]',
    most: 1,
    about: `a token of NBYTES random bytes (default ${secrets.DEFAULT_ENTROPY}) as lowercase hex, as openssl rand -hex`,
    options: [COUNT],
    examples: ['napi-secrets hex', 'napi-secrets hex 16 -c 3'],
    run: tokens(MAX_HEX_BYTES, (n) => 2 * n, secrets.tokenHexBatch),
  },
  base64: {
    args: '[NBYTES]',
    most: 1,
    about: `a token of NBYTES random bytes (default ${secrets.DEFAULT_ENTROPY}) as padded standard base64 on one line, as openssl rand -base64`,
    options: [COUNT],
    examples: ['napi-secrets base64 32'],
    run: tokens(MAX_BASE64_BYTES, base64Length, (k, size) => Array.from({ length: k }, () => tokenBase64(size))),
  },
  urlsafe: {
    args: '[NBYTES]',
    most: 1,
    about: `a token of NBYTES random bytes (default ${secrets.DEFAULT_ENTROPY}) as unpadded base64url, for URLs and file names`,
    options: [COUNT],
    examples: ['napi-secrets urlsafe', 'napi-secrets urlsafe 16 --count 2'],
    run: tokens(MAX_URLSAFE_BYTES, (n) => Math.ceil((4 * n) / 3), secrets.tokenUrlsafeBatch),
  },
  bytes: {
    args: '[NBYTES]',
    most: 1,
    about: `NBYTES raw random bytes (default ${secrets.DEFAULT_ENTROPY}); with -c N, N * NBYTES back to back; refused when stdout is a terminal`,
    options: [COUNT],
    examples: ['napi-secrets bytes 64 > key.bin'],
    async run(p) {
      const size = whole(p.positionals[0] ?? String(secrets.DEFAULT_ENTROPY), 'NBYTES', 0, MAX_SAFE)
      const n = count(p)
      if (size * n > MAX_SAFE) throw new Usage(`NBYTES times ${p.typed.get('count')} must be at most ${MAX_SAFE} bytes`)
      if (process.stdout.isTTY) throw new Usage('stdout is a terminal; redirect it to a file or a pipe')
      // Results back to back, so any split into writes gives the same bytes.
      for (let left = size * n; left > 0; ) {
        const k = Math.min(left, 2 ** 20, MAX_LENGTH)
        if (!(await write(secrets.tokenBytes(k)))) return
        left -= k
      }
    },
  },
  randbelow: {
    args: 'N',
    most: 1,
    about: 'a random integer in [0, N), for an N of any size',
    options: [COUNT],
    examples: ['napi-secrets randbelow 1000000', 'napi-secrets randbelow 6 -c 10'],
    run(p) {
      const text = p.positionals[0]
      if (text === undefined) throw new Usage('N is missing: give the bound, a whole number >= 1')
      if (!/^\d+$/.test(text) || /^0+$/.test(text)) throw new Usage(`N must be a whole number >= 1 (of any size), not ${quote(text)}`)
      const bound = BigInt(text)
      return lines(count(p), text.length, repeat(() => String(secrets.randbelow(bound))))
    },
  },
  password: {
    args: '[LENGTH [COUNT]]',
    most: 2,
    about: 'passwords, uniform over all that meet the minimums (default 20 letters and digits); LENGTH and COUNT as pwgen takes them',
    options: [
      { long: 'length', short: 'l', value: 'N', about: 'characters (default 20)' },
      { long: 'symbols', short: 'y', about: 'add ASCII punctuation to the alphabet, at least one of it' },
      { long: 'alphabet', value: 'S', about: 'the characters to use, each once (default A-Z a-z 0-9)' },
      { long: 'min-lower', value: 'N', about: 'at least N of a-z' },
      { long: 'min-upper', value: 'N', about: 'at least N of A-Z' },
      { long: 'min-digits', value: 'N', about: 'at least N of 0-9' },
      { long: 'min-symbols', value: 'N', about: 'at least N other characters of the alphabet' },
      COUNT,
    ],
    examples: ['napi-secrets password', 'napi-secrets password -y 16 5', 'napi-secrets password -l 12 --min-digits 2 -c 3'],
    run(p) {
      const length = either(p, 0, 'LENGTH', 'length', 1, MAX_STRING_LENGTH, 20)
      const n = p.positionals.length > 1 ? either(p, 1, 'COUNT', 'count', 0, MAX_SAFE, 1) : count(p)
      const symbols = p.values.has('symbols')
      const alphabet = alphabetOf(p.values.get('alphabet'), p.typed.get('alphabet'), symbols)
      const min = (long: string, fallback?: number) => {
        const text = p.values.get(long)
        return text === undefined ? fallback : whole(text, p.typed.get(long)!, 0, MAX_SAFE)
      }
      const options = {
        length,
        alphabet,
        minLower: min('min-lower'),
        minUpper: min('min-upper'),
        minDigits: min('min-digits'),
        minSymbols: min('min-symbols', symbols ? 1 : undefined),
      }
      // The library's checks of the policy, worded for the command line, once before any output.
      const as = (long: string, fallback: string): [string, string] => [p.typed.get(long) ?? fallback, p.values.get(long) ?? '']
      const policy = library(() => policyOf(options), {
        'options.length': p.positionals.length > 0 ? ['LENGTH', p.positionals[0]] : as('length', '--length'),
        'options.minLower': as('min-lower', '--min-lower'),
        'options.minUpper': as('min-upper', '--min-upper'),
        'options.minDigits': as('min-digits', '--min-digits'),
        'options.minSymbols': p.values.has('min-symbols') ? as('min-symbols', '--min-symbols') : [p.typed.get('symbols') ?? '-y', ''],
      })
      return lines(n, 2 * policy.length, repeat(() => drawPassword(policy)))
    },
  },
  passphrase: {
    args: '',
    most: 0,
    about: 'words drawn uniformly from the EFF large wordlist (7776 words, 12.9 bits a word); the options are xkcdpass\'s',
    options: [
      { long: 'words', short: 'n', value: 'N', about: 'how many words (default 6)' },
      { long: 'separator', short: 'd', value: 'S', about: "what goes between them (default ' ')" },
      { long: 'wordlist', short: 'w', value: 'FILE', about: 'draw from FILE: one word a line, or the EFF format (digits, a tab, the word)' },
      COUNT,
    ],
    examples: ['napi-secrets passphrase', 'napi-secrets passphrase -n 4 -d -', 'napi-secrets passphrase -w eff_large_wordlist.txt'],
    run(p) {
      const file = p.values.get('wordlist')
      const options = {
        words: num(p, 'words', 1, MAX_SAFE, 6),
        separator: p.values.get('separator'),
        wordlist: file === undefined ? undefined : readWordlist(file, p.typed.get('wordlist')!),
      }
      const phrasing = library(() => phrasingOf(options), { 'options.words': [p.typed.get('words') ?? '--words', p.values.get('words') ?? '6'] })
      return lines(count(p), phrasing.longest, repeat(() => drawPassphrase(phrasing)))
    },
  },
  compare: {
    args: 'A B',
    most: 2,
    about: 'no output; exit 0 if A equals B, 1 if not, in constant time; any two arguments are compared, even ones that look like options (other users can see arguments in process lists: pass secrets from variables)',
    options: [],
    examples: ['napi-secrets compare "$GIVEN" "$EXPECTED" && echo match'],
    // Never reached through the parser: main() passes the arguments as they are.
    run(p) {
      if (p.positionals.length !== 2) throw new Usage(`takes two arguments, A and B, not ${p.positionals.length}`)
      return secrets.compareDigest(p.positionals[0], p.positionals[1]) ? 0 : 1
    },
  },
  completion: {
    args: 'bash|zsh|fish',
    most: 1,
    about: 'print a completion script for that shell (see the README for installing it)',
    options: [],
    examples: ['source <(napi-secrets completion bash)', 'napi-secrets completion fish > ~/.config/fish/completions/napi-secrets.fish'],
    // Filled in by cli.ts, which owns the scripts (they read this table).
    run() {
      throw new Error('completion is not wired')
    },
  },
}

/** The alphabet of --alphabet and -y, with a repeated character named plainly. */
function alphabetOf(given: string | undefined, typed: string | undefined, symbols: boolean): string | undefined {
  if (given === undefined && !symbols) return undefined
  const chars = Array.from(given ?? 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
  if (chars.length === 0) throw new Usage(`${typed} must not be empty: give the characters to draw from`)
  const seen = new Set<string>()
  for (const c of chars) {
    if (seen.has(c)) throw new Usage(`${typed} has ${quote(c)} twice: give each character once, or it would come up more often`)
    seen.add(c)
  }
  // -y adds the punctuation the alphabet does not have already.
  if (symbols) for (const c of PUNCTUATION) if (!seen.has(c)) chars.push(c)
  return chars.join('')
}
