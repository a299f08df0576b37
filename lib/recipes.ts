// The recipes of Python's `secrets` documentation as functions: a passphrase of words drawn
// uniformly from a wordlist (passwords are in password.ts).

import { invalidArgType, outOfRange, rangeError } from './errors.js'
import { pool } from './source.js'
import { elements, optionsOf } from './validate.js'
import { EFF_LARGE } from './wordlists/eff-large.js'

/** Options of {@link passphrase}; `null` or `undefined` means the default. */
export interface PassphraseOptions {
  /** How many words (default 6): an integer `>= 0`. */
  words?: number | null
  /** What goes between the words (default `' '`). */
  separator?: string | null
  /** The words to draw from (default the EFF large wordlist): non-empty strings, each once. */
  wordlist?: readonly string[] | null
}

let effLarge: readonly string[] | undefined

/** A custom wordlist, checked: a word twice would be drawn twice as often. */
function wordlistOf(value: unknown): readonly string[] {
  if (value === undefined || value === null) return (effLarge ??= EFF_LARGE.split('\n'))
  if (!Array.isArray(value)) throw invalidArgType('options.wordlist', 'an Array of strings', value)
  if (value.length === 0) throw rangeError('The "options.wordlist" Array must not be empty: there is no word to choose')
  const seen = new Set<string>()
  value.forEach((word: unknown, i) => {
    if (typeof word !== 'string') throw invalidArgType(`options.wordlist[${i}]`, 'of type string', word)
    if (word.length === 0) throw outOfRange(`options.wordlist[${i}]`, 'a non-empty string', word)
    if (seen.has(word)) throw outOfRange(`options.wordlist[${i}]`, 'a word not already in the list', word)
    seen.add(word)
  })
  return value as string[]
}

/**
 * A passphrase of `words` words, each drawn uniformly and independently from `wordlist`, joined
 * by `separator`. Six words of the default EFF large wordlist (7776 words) carry
 * `6 * log2(7776)`, about 77.5 bits; each word adds about 12.9.
 *
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` for options of the wrong type;
 *   `ERR_INVALID_ARG_VALUE` for an unknown option key.
 * @throws {RangeError} `ERR_OUT_OF_RANGE` for a negative or non-integer `words`, an empty
 *   wordlist, an empty word, or a word in the list twice.
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
}

/** The phrasing of `options`, or the error that says why they are wrong. */
export function phrasingOf(options: unknown): Phrasing {
  const { words, separator, wordlist } = optionsOf(options, ['words', 'separator', 'wordlist'])
  const count = words === undefined || words === null ? 6 : elements(words, 'options.words')
  const sep = separator === undefined || separator === null ? ' ' : separator
  if (typeof sep !== 'string') throw invalidArgType('options.separator', 'of type string', sep)
  return { count, separator: sep, list: wordlistOf(wordlist) }
}

/** A passphrase of checked options: {@link passphrase} without the checks, for drawing many. */
export function drawPassphrase({ count, separator, list }: Phrasing): string {
  const chosen: string[] = []
  for (let i = 0; i < count; i++) chosen.push(list[pool.below(list.length)])
  return chosen.join(separator)
}
