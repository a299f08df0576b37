// Reads and writes at secret indices without letting an index choose an address: a load from
// `table[i]` brings one cache line in, and which one can be learnt by code that shares the core
// or the cache. These touch every entry in the same order whatever the index, and keep or change
// the one wanted by a mask, with no branch on it.

/** 1 if `a === b`, else 0, for `a` and `b` in `[0, 2**31)`: no branch, no comparison flag. */
export const equal = (a: number, b: number): number => ((a ^ b) - 1) >>> 31

/**
 * A table of code points as its runs of consecutive values: `starts[r]` is where run r begins,
 * `steps[r]` what its offset (value minus index) adds to the run before's (`steps[0]` is run 0's).
 * An alphabet such as a-z, A-Z, 0-9 is three runs, so a character costs three steps, not 62.
 */
export interface Runs {
  starts: Int32Array
  steps: Int32Array
}

export function runsOf(table: Int32Array): Runs {
  const starts: number[] = []
  const steps: number[] = []
  let offset = 0
  for (let i = 0; i < table.length; i++) {
    if (i > 0 && table[i] === table[i - 1] + 1) continue
    starts.push(i)
    steps.push(table[i] - i - offset)
    offset = table[i] - i
  }
  return { starts: Int32Array.from(starts), steps: Int32Array.from(steps) }
}

/**
 * The value at `index` (in range) of the table `runs` was made from: the index plus the offset
 * of its run, summed over every run by mask, so the time and the addresses read depend on the
 * number of runs only.
 */
export function valueAt({ starts, steps }: Runs, index: number): number {
  let value = index
  for (let r = 0; r < starts.length; r++) value += steps[r] & -(1 - ((index - starts[r]) >>> 31))
  return value
}

/**
 * Shuffles `values` in place, every order equally likely (Fisher-Yates, `below(n)` drawing an
 * integer in `[0, n)`), each swap passing over every slot up to the one it fills: quadratic, for
 * the short arrays whose order is a secret.
 */
export function shuffle(values: Int32Array, below: (n: number) => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const k = below(i + 1)
    const top = values[i]
    let chosen = 0
    for (let m = 0; m <= i; m++) {
      const mask = -equal(m, k)
      chosen |= values[m] & mask
      values[m] = (values[m] & ~mask) | (top & mask)
    }
    values[i] = chosen
  }
}

/** How many of the running sums of `weights` are at most `pick`, each compared whatever `pick` is. */
export function rank(pick: bigint, weights: readonly bigint[]): number {
  let sum = 0n
  let passed = 0
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]
    passed += +(pick >= sum)
  }
  return passed
}
