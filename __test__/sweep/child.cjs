// One library call of the sweep, in a process of its own: evaluates the expression given as the
// argument, with `s` the package, `rng` a SystemRandom and `big(bits)` a bigint of that many
// bits, and prints what came of it as one line of JSON: the result's type and length, or the
// error's class, code and message.
'use strict'

const { join } = require('node:path')

const s = require(join(__dirname, '..', '..', 'dist', 'index.js'))
const rng = new s.SystemRandom()
const big = (bits) => (bits === 0 ? 0n : 1n << BigInt(bits - 1))

const lengthOf = (value) => (typeof value === 'string' || (typeof value === 'object' && value !== null) ? value.length : undefined)

const report = (line) => process.stdout.write(`${JSON.stringify(line)}\n`)

async function main() {
  const run = new Function('s', 'rng', 'big', `return (${process.argv[2]})`)
  try {
    const value = await run(s, rng, big)
    report({ result: typeof value, length: lengthOf(value) })
  } catch (error) {
    report({ error: error?.constructor?.name, code: error?.code, message: String(error?.message).slice(0, 300) })
  }
}

main()
