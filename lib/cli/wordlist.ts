// Reading `--wordlist FILE`: one word a line, or the EFF's published format (dice digits, a tab,
// the word: `11111\tabacus`), whose digits are dropped. Any other line is refused by number, as
// is a word given twice (it would be drawn twice as often).

import { readFileSync } from 'node:fs'

import { stringSet } from '../collections.js'
import { Usage, quote } from './parse.js'

// A word has no white space; an EFF line is digits, one tab, a word.
const WORD = /^\S+$/
const EFF_LINE = /^\d+\t(\S+)$/

/** The words of `file`, named in messages as `typed` (`-w`, `--wordlist`). */
export function readWordlist(file: string, typed: string): string[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Usage(`${typed}: cannot read ${quote(file)}: ${REASONS[code ?? ''] ?? code ?? 'unreadable'}`)
  }
  // A byte order mark, as some editors write, is not part of the first word.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  if (lines.length === 0) throw new Usage(`${typed}: ${quote(file)} has no words`)
  const seen = stringSet()
  return lines.map((line, i) => {
    const word = EFF_LINE.exec(line)?.[1] ?? (WORD.test(line) ? line : undefined)
    const where = `${typed}: line ${i + 1} of ${quote(file)}`
    if (word === undefined) {
      throw new Usage(`${where} is ${line === '' ? 'empty' : quote(line)}: a line must be one word, or dice digits, a tab and a word`)
    }
    if (seen.has(word)) throw new Usage(`${where} repeats ${quote(word)}`)
    seen.add(word)
    return word
  })
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
}
