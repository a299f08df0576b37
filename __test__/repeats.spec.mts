// No byte handed out twice: 8-byte tokens from several processes at once, each drawing on its main
// thread and two worker threads along every path (__test__/repeats/produce.mts), are all
// distinct. 3 processes x 3 threads x 3 paths x 250000 tokens: 6.75 million tokens of 64 bits,
// among which a chance repeat has probability about n**2 / 2**65 = 1.2e-6.
//
// The test of the test: with getrandom() preloaded to return zeros (repeats/zero-getrandom.c),
// every generator is keyed alike, and the same run must find repeats (seen: millions of them).

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { backend } from 'napi-secrets'
import test from './helpers/test.mjs'

const PRODUCE = fileURLToPath(new URL('repeats/produce.mts', import.meta.url))
const SHIM = fileURLToPath(new URL('repeats/zero-getrandom.c', import.meta.url))

/** The tokens of `processes` concurrent producers, as 64-bit words, sorted. */
async function tokens(processes: number, count: number, env: NodeJS.ProcessEnv = process.env): Promise<BigUint64Array> {
  const outputs = await Promise.all(
    Array.from({ length: processes }, () => new Promise<Buffer>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', PRODUCE, String(count), '2'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
      const chunks: Buffer[] = []
      child.stdout.on('data', (c: Buffer) => chunks.push(c))
      child.on('error', reject)
      child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`producer exited with ${code}`))))
    })),
  )
  const all = Buffer.concat(outputs)
  return new BigUint64Array(all.buffer, all.byteOffset, all.length / 8).slice().sort()
}

/** How many tokens equal the one before them, once sorted. */
function repeats(sorted: BigUint64Array): number {
  let n = 0
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) n++
  return n
}

test('tokens never repeat across processes, worker threads and paths', async (t) => {
  const sorted = await tokens(3, 250_000)
  t.is(sorted.length, 3 * 3 * 3 * 250_000)
  t.is(repeats(sorted), 0)
})

// LD_PRELOAD reaches getrandom only through glibc's or musl's dynamic linker: Linux, with a compiler.
const withCompiler =
  backend === 'native' && process.platform === 'linux' && spawnSync('cc', ['--version']).status === 0 ? test : test.skip

withCompiler('the test finds repeats when getrandom returns zeros', async (t) => {
  const shim = join(mkdtempSync(join(tmpdir(), 'napi-secrets-shim-')), 'zero-getrandom.so')
  const cc = spawnSync('cc', ['-shared', '-fPIC', '-o', shim, SHIM], { encoding: 'utf8' })
  t.is(cc.status, 0, cc.stderr)
  const found = repeats(await tokens(2, 20_000, { ...process.env, LD_PRELOAD: shim }))
  t.true(found > 1000, `${found} repeats`)
})
