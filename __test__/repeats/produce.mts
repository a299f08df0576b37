// One process of the never-repeats test: this thread and `workers` worker threads each draw
// `count` 8-byte tokens along every path (tokenBytes from the JavaScript word pool, tokenHex from
// the native pool, slices of large fills with keystream of their own) and the process writes them
// all, raw, to stdout. Run under tsx (`--import tsx`).

import { createRequire } from 'node:module'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'

const require = createRequire(import.meta.url)
const secrets = require('../..') as typeof import('napi-secrets')

function draw(count: number): Uint8Array<ArrayBuffer> {
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
    ...Array.from({ length: workers }, () => new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
      // Loader hooks do not reach worker threads on Node.js 20, so each worker loads this file
      // through tsx's API.
      const load = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`
      const worker = new Worker(load, { eval: true, workerData: count })
      worker.once('message', resolve)
      worker.once('error', reject)
    })),
  ])
  for (const part of parts) process.stdout.write(part)
} else {
  const bytes = draw(workerData as number)
  parentPort!.postMessage(bytes, [bytes.buffer])
}
