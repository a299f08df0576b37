// The recipes of Python's `secrets` documentation as functions: a passphrase of words drawn
// uniformly from a wordlist (passwords are in password.ts).

import { stringSet } from './collections.js'
import { invalidArgType, outOfRange, rangeError } from './errors.js'
import { MAX_STRING_LENGTH } from './platform.js'
import { pool } from './source.js'
import { ensureHeap, integer, optionsOf } from './validate.js'
import { EFF_LARGE } from './wordlists/eff-large.js'

/** Options of {@link passphrase}; `null` or `undefined` means the default. */
export interface PassphraseOptions {
  /** How many words (default 6): an integer `>= 0`. */
  words?: number | null | undefined
  /** What goes between the words (default `' '`). */
  separator?: string | null | undefined
  /** The words to draw from (default the EFF large wordlist): non-empty strings, each once. */
  wordlist?: readonly string[] | null | undefined
}

/** A wordlist, and the length of its longest word. */
interface Wordlist {
  words: readonly string[]
  longest: number
}

let effLarge: Wordlist | undefined

const longestOf = (words: readonly string[]) => words.reduce((most, w) => Math.max(most, w.length), 0)

/** A custom wordlist, checked: a word twice would be drawn twice as often. */
function wordlistOf(value: unknown): Wordlist {
  if (value === undefined || value === null) {
    if (effLarge === undefined) {
      const words = EFF_LARGE.split('\n')
      effLarge = { words, longest: longestOf(words) }
    }
    return effLarge
  }
  if (!Array.isArray(value)) throw invalidArgType('options.wordlist', 'an Array of strings', value)
  if (value.length === 0) throw rangeError('The "options.wordlist" Array must not be empty: there is no word to choose')
  const seen = stringSet()
  value.forEach((word: unknown, i) => {
    if (typeof word !== 'string') throw invalidArgType(`options.wordlist[${i}]`, 'of type string', word)
    if (word.length === 0) throw outOfRange(`options.wordlist[${i}]`, 'a non-empty string', word)
    if (seen.has(word)) throw outOfRange(`options.wordlist[${i}]`, 'a word not already in the list', word)
    seen.add(word)
  })
  return { words: value as string[], longest: longestOf(value as string[]) }
}

/**
 * A passphrase of `words` words, each drawn uniformly and independently from `wordlist`, joined
 * by `separator`. Six words of the default EFF large wordlist (7776 words) carry
 * `6 * log2(7776)`, about 77.5 bits; each word adds about 12.9.
 *
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` for options of the wrong type;
 *   `ERR_INVALID_ARG_VALUE` for an unknown option key.
 * @throws {RangeError} `ERR_OUT_OF_RANGE`, before any drawing, for a negative or non-integer
 *   `words`, an empty wordlist, an empty word, a word in the list twice, or a passphrase that
 *   could pass `buffer.constants.MAX_STRING_LENGTH` characters (counting every word as the
 *   longest) or the free JavaScript heap.
 * @example
 * passphrase()                                  // 'cramp unwired yearling gloomy stubble unleash'
 * passphrase({ words: 4, separator: '-' })      // 'pug-exert-obsolete-remold'
 * passphrase({ words: 3, wordlist: ['a', 'b'] }) // 'b a a'
 */
export function passphrase(options?: PassphraseOptions | null): string {
  return drawPassphrase(phrasingOf(options))
}

/** Checked passphrase options: how many words, between them what, and from which list. */
export interface Phrasing {
  count: number
  separator: string
  list: readonly string[]
  /** The most characters (UTF-16 units) a passphrase of these options can have. */
  longest: number
}

/** The phrasing of `options`, or the error that says why they are wrong. */
export function phrasingOf(options: unknown): Phrasing {
  const { words, separator, wordlist } = optionsOf(options, ['words', 'separator', 'wordlist'])
  const count = words === undefined || words === null ? 6 : integer(words, 'options.words', 0, Number.MAX_SAFE_INTEGER)
  const sep = separator === undefined || separator === null ? ' ' : separator
  if (typeof sep !== 'string') throw invalidArgType('options.separator', 'of type string', sep)
  const { words: list, longest: word } = wordlistOf(wordlist)
  // The worst case, every word the longest, must fit in a string, before any word is drawn.
  const longest = count === 0 ? 0 : count * word + (count - 1) * sep.length
  if (longest > MAX_STRING_LENGTH) {
    const most = Math.floor((MAX_STRING_LENGTH + sep.length) / (word + sep.length))
    throw outOfRange(
      'options.words',
      `<= ${most}, as ${count} words of up to ${word} characters with a separator of ${sep.length} could pass the longest string (${MAX_STRING_LENGTH})`,
      count,
    )
  }
  // The runs and the passphrase joined from them, at up to two bytes a character.
  ensureHeap(4 * longest, 'options.words', count)
  return { count, separator: sep, list, longest }
}

// Words are joined a run at a time: an Array of every word would pass V8's Array limits long
// before the passphrase passes the longest string (one-letter words with no separator).
const RUN = 1024

/** A passphrase of checked options: {@link passphrase} without the checks, for drawing many. */
export function drawPassphrase({ count, separator, list }: Phrasing): string {
  const runs: string[] = []
  for (let done = 0; done < count; done += RUN) {
    const run: string[] = []
    for (let i = Math.min(RUN, count - done); i > 0; i--) run.push(list[pool.below(list.length)])
    runs.push(run.join(separator))
  }
  return runs.join(separator)
}
