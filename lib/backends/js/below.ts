// Exact bigint draws by rejection sampling: the bits of the bound minus one, redrawn while the
// draw is too large. Each try succeeds with probability above one half, so the expected number of
// tries is below two, with no bias for any bound.

/** The bit length of `n >= 0n`: 0 for 0n. */
export function bitLength(n: bigint): number {
  if (n === 0n) return 0
  const hex = n.toString(16)
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0], 16)))
}

/** A uniform bigint in `[0n, n)` for `n >= 1n`, drawing bits with `draw(k)`. */
export function below(n: bigint, draw: (k: number) => bigint): bigint {
  const k = bitLength(n - 1n)
  for (;;) {
    const r = draw(k)
    if (r < n) return r
  }
}
