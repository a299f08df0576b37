// One process of the never-repeats test: this thread and `workers` worker threads each draw
// `count` 8-byte tokens along every path (tokenBytes from the JavaScript word pool, tokenHex from
// the native pool, slices of large fills with keystream of their own) and the process writes them
// all, raw, to stdout. Plain JavaScript, so worker threads need no loader.

import { createRequire } from 'node:module'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'

const require = createRequire(import.meta.url)
const secrets = require('../..')

function draw(count) {
  const out = new Uint8Array(3 * 8 * count)
  let at = 0
  for (let i = 0; i < count; i++, at += 8) out.set(secrets.tokenBytes(8), at)
  for (let i = 0; i < count; i++, at += 8) out.set(Buffer.from(secrets.tokenHex(8), 'hex'), at)
  for (let left = 8 * count; left > 0; ) {
    const n = Math.min(left, 2 ** 20)
    out.set(secrets.tokenBytes(n), at)
    at += n
    left -= n
  }
  return out
}

if (isMainThread) {
  const [count, workers] = process.argv.slice(2).map(Number)
  const parts = await Promise.all([
    Promise.resolve(draw(count)),
    ...Array.from({ length: workers }, () => new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: count })
      worker.once('message', resolve)
      worker.once('error', reject)
    })),
  ])
  for (const part of parts) process.stdout.write(part)
} else {
  const bytes = draw(workerData)
  parentPort.postMessage(bytes, [bytes.buffer])
}
