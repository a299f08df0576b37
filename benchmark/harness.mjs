// Interleaved A/B timing. Absolute times on a shared machine drift from second to second, so each
// case alternates short batches of A and B and reports the median of the per-round ratios: drift
// that lasts longer than one round cancels out.

const now = () => process.hrtime.bigint()

function batch(fn, iterations) {
  const start = now()
  for (let i = 0; i < iterations; i++) fn()
  return Number(now() - start) / iterations
}

/** Iterations that make one batch of `fn` last about `ms` milliseconds. */
function calibrate(fn, ms) {
  let iterations = 1
  for (;;) {
    const start = now()
    for (let i = 0; i < iterations; i++) fn()
    const elapsed = Number(now() - start) / 1e6
    if (elapsed >= ms / 4 || iterations >= 2 ** 24) return Math.max(1, Math.round((iterations * ms) / Math.max(elapsed, 1e-3)))
    iterations *= 4
  }
}

const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1]

/**
 * Times `a` against `b`: nanoseconds per call of each (medians) and the median ratio a / b.
 * `rounds` alternating batches of about `ms` milliseconds each, after a warm-up.
 */
export function race(a, b, { rounds = 15, ms = 20 } = {}) {
  const na = calibrate(a, ms)
  const nb = calibrate(b, ms)
  batch(a, na)
  batch(b, nb)
  const ta = []
  const tb = []
  const ratios = []
  for (let r = 0; r < rounds; r++) {
    const x = batch(a, na)
    const y = batch(b, nb)
    ta.push(x)
    tb.push(y)
    ratios.push(x / y)
  }
  return { a: median(ta), b: median(tb), ratio: median(ratios) }
}

/** Nanoseconds per call of `fn` alone (median of `rounds` batches). */
export function time(fn, { rounds = 15, ms = 20 } = {}) {
  const n = calibrate(fn, ms)
  batch(fn, n)
  return median(Array.from({ length: rounds }, () => batch(fn, n)))
}
