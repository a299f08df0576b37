// One library call of the sweep, in a process of its own: evaluates the expression given as the
// argument, with `s` the package, `rng` a SystemRandom and `big(bits)` a bigint of that many
// bits, and prints what came of it as one line of JSON: the result's type and length, or the
// error's class, code and message.
// The sweep compiles it to plain JavaScript once (sweep.spec.mts), so that each of a thousand
// children starts as fast as Node.js does; NAPI_SECRETS_DIST names the build to load.

import type * as Secrets from 'napi-secrets'

const s = require(process.env.NAPI_SECRETS_DIST!) as typeof Secrets
const rng = new s.SystemRandom()
const big = (bits: number): bigint => (bits === 0 ? 0n : 1n << BigInt(bits - 1))

const lengthOf = (value: unknown): number | undefined =>
  typeof value === 'string' || (typeof value === 'object' && value !== null) ? (value as { length?: number }).length : undefined

const report = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`)

async function main(): Promise<void> {
  const run = new Function('s', 'rng', 'big', `return (${process.argv[2]})`) as (...args: unknown[]) => unknown
  try {
    const value = await run(s, rng, big)
    report({ result: typeof value, length: lengthOf(value) })
  } catch (error) {
    const e = error as { constructor?: { name?: string }; code?: unknown; message?: unknown } | undefined
    report({ error: e?.constructor?.name, code: e?.code, message: String(e?.message).slice(0, 300) })
  }
}

void main()
