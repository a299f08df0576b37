// The two backends side by side: helpers/differential.mts calls every export and SystemRandom
// method over the same arguments, valid and not, in one process per backend; the shapes of the
// results and the errors (class, code and message) must be the same line for line.

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { backend } from 'napi-secrets'
import test from './helpers/test.mjs'

const script = fileURLToPath(new URL('helpers/differential.mts', import.meta.url))

function outcomes(name: string): string[] {
  const run = spawnSync(process.execPath, ['--import=tsx', script], {
    encoding: 'utf8',
    env: { ...process.env, NAPI_SECRETS_BACKEND: name },
  })
  if (run.status !== 0) throw new Error(`the ${name} run failed: ${run.stderr}`)
  return run.stdout.trim().split('\n')
}

// Both backends run here, so once is enough: in the native pass.
const once = backend === 'native' ? test : test.skip

once('the js backend answers every call as the native one does', (t) => {
  const native = outcomes('native')
  const js = outcomes('js')
  t.true(native.length > 300, `${native.length} calls`)
  t.is(js.length, native.length)
  const differences = native.flatMap((line, i) => (line === js[i] ? [] : [`native ${line}\n    js ${js[i]}`]))
  t.deepEqual(differences, [])
})
