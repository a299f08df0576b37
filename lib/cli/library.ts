// The library's errors reworded for the command line: Node's "The value of "options.length" is
// out of range. It must be >= 5, the sum of the minimums. Received 3" becomes "--length must be
// >= 5, the sum of the minimums, not "3"", naming the option as the user typed it.

import { Usage, quote } from './parse.js'

/**
 * `work()`, with an out-of-range error of the library about one of `names` (the library's name
 * of an argument, to the option as typed and its value as typed) turned into Usage.
 */
export function library<T>(work: () => T, names: Record<string, [typed: string, value: string]>): T {
  try {
    return work()
  } catch (error) {
    const match = /^The value of "([^"]+)" is out of range\. It must be (.*)\. Received .*$/s.exec((error as Error)?.message ?? '')
    const name = match === null ? undefined : names[match[1]]
    if ((error as { code?: unknown }).code !== 'ERR_OUT_OF_RANGE' || name === undefined) throw error
    const [typed, value] = name
    // A flag (`-y`) has no value to show.
    throw new Usage(`${typed} must be ${match![2]}${value === '' ? '' : `, not ${quote(value)}`}`)
  }
}
