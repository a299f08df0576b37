// Collections whose size the caller sets, possibly huge, made without the ways V8 fails at that
// size.
//
// Arrays: `push` grows an Array by half again plus 16, and V8 ends the process (exit 133,
// "invalid size error") when a growth would pass its largest FixedArray, 2**27 - 3 elements: on
// Node.js 20, pushing from [] dies at the 112_813_859th element. `new Array(n)` for large n makes
// a dictionary (hash table) Array: filled in order it takes 16 bytes and 60 ns an element (2**26
// elements: 1090 MiB, 3.9 s), and `fill` keeps it a dictionary, 42 bytes and 350 ns an element,
// until the heap runs out (exit 134). Runs of 2**20 made by push and joined by one `concat`,
// which sizes its result once, take 8 bytes and 39 ns an element, twice that while joining
// (2**26: 2.6 s; 2**27 - 2**12: 4.6 s; push alone takes 1.6 s for 2**26).

const RUN = 2 ** 20

/** `[make(0), make(1), ..., make(n - 1)]`, each called once and in order, for `n <= 2**27`. */
export function arrayOf<T>(n: number, make: (i: number) => T): T[] {
  const runs: T[][] = []
  for (let start = 0; start < n; start += RUN) {
    const run: T[] = []
    for (let i = start, end = Math.min(n, start + RUN); i < end; i++) run.push(make(i))
    runs.push(run)
  }
  return runs.length === 1 ? runs[0] : ([] as T[]).concat(...runs)
}

/**
 * Heap bytes an Array of `n` elements built by {@link arrayOf} may take at its peak, the runs and
 * the joined copy together, not counting the elements themselves.
 */
export const arrayBytes = (n: number): number => 16 * n

// A Set holds 2**24 entries; one more is a RangeError with no code.
const SET_ENTRIES = 2 ** 23

/** A set of strings with no limit but the heap's: Sets of up to 2**23 entries each. */
export function stringSet(): { has(value: string): boolean; add(value: string): void } {
  const sets = [new Set<string>()]
  return {
    has: (value) => sets.some((set) => set.has(value)),
    add(value) {
      if (sets[sets.length - 1].size === SET_ENTRIES) sets.push(new Set())
      sets[sets.length - 1].add(value)
    },
  }
}
