// Every code example of README.md runs: a reader who copies one must get a working program. Each
// ```js block runs in its own Node.js process, as a file of a scratch project whose node_modules
// holds this package (so `import ... from 'napi-secrets'` resolves as in a user's project, to the
// build in dist/), on whichever backend NAPI_SECRETS_BACKEND picks (test:backends runs both).
// ```ts blocks are type-checked together under a strict tsconfig with `types: []` (tsc --init's
// default, to hold the claim that byte results are Buffer under any tsconfig), then run with their
// types stripped by esbuild. ```sh blocks run in bash with `napi-secrets` on PATH as dist/cli.js.
// A block that cannot run here has `<!-- not run: why -->` on the line before it (a ts block so
// marked is still type-checked); every other block must run, and must exit 0.

import test from 'ava'
import { transform } from 'esbuild'
import { execFile } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { compiler, NEWEST } from './helpers/typescript.mjs'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))

export interface Block {
  lang: string
  code: string
  /** 1-based line of the opening fence, for messages. */
  line: number
  /** Why it is not run, from `<!-- not run: why -->` on the line before; undefined: it runs. */
  skip: string | undefined
}

/** The fenced blocks of a Markdown text, with the `not run` marker before each, if any. */
export function blocks(text: string): Block[] {
  const lines = text.split('\n')
  const found: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i])
    if (open === null) continue
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'))
    if (end === -1) throw new Error(`README.md:${i + 1}: a code block that never closes`)
    const before = i > 0 ? /^<!-- not run: (.+?) -->$/.exec(lines[i - 1].trim()) : null
    found.push({ lang: open[1], code: lines.slice(i + 1, end).join('\n') + '\n', line: i + 1, skip: before?.[1] })
    i = end
  }
  return found
}

const readme = blocks(readFileSync(join(root, 'README.md'), 'utf8'))

// A scratch project: node_modules/napi-secrets is this checkout (Node.js and tsc follow the link
// to its real path, so the package's own node_modules, @types/node included, serve it), and bin/
// has a `napi-secrets` that runs dist/cli.js, as npm's shim does.
const project = mkdtempSync(join(tmpdir(), 'napi-secrets-readme-'))
mkdirSync(join(project, 'node_modules'))
symlinkSync(root, join(project, 'node_modules', 'napi-secrets'), 'junction')
mkdirSync(join(project, 'bin'))
const shim = join(project, 'bin', 'napi-secrets')
writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'dist', 'cli.js')}" "$@"\n`)
chmodSync(shim, 0o755)
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'readme-examples', private: true }))
test.after.always(() => rmSync(project, { recursive: true, force: true }))

/** Runs a command in the scratch project; on failure, says which block and what it printed. */
async function runIn(t: { log(...v: unknown[]): void }, block: Block, file: string, args: string[]): Promise<void> {
  try {
    await run(file, args, {
      cwd: project,
      env: { ...process.env, PATH: `${join(project, 'bin')}${delimiter}${process.env.PATH ?? ''}` },
      timeout: 60_000,
    })
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string }
    t.log(`README.md:${block.line}:\n${block.code}`)
    throw new Error(`README.md:${block.line} (${block.lang}) failed: ${e.stderr || e.stdout || e.message}`)
  }
}

test('the parser finds blocks and their markers', (t) => {
  const sample = ['text', '<!-- not run: browser only -->', '```js', 'a()', '```', '', '```sh', 'b', '```'].join('\n')
  t.deepEqual(blocks(sample), [
    { lang: 'js', code: 'a()\n', line: 3, skip: 'browser only' },
    { lang: 'sh', code: 'b\n', line: 7, skip: undefined },
  ])
})

test('every block of README.md is js, ts or sh, and most of them run', (t) => {
  for (const block of readme) t.true(['js', 'ts', 'sh'].includes(block.lang), `README.md:${block.line}: a block of language "${block.lang}" that this test cannot run`)
  const running = readme.filter((b) => b.skip === undefined)
  t.true(readme.filter((b) => b.lang === 'js' && b.skip === undefined).length >= 6, 'the README has lost its JavaScript examples')
  t.true(running.some((b) => b.lang === 'ts') && running.some((b) => b.lang === 'sh'))
  t.log(`${running.length} of ${readme.length} blocks run; not run: ${readme.filter((b) => b.skip !== undefined).map((b) => `${b.line} (${b.skip})`).join(', ')}`)
})

readme.forEach((block, index) => {
  if (block.skip !== undefined) return
  if (block.lang === 'js') {
    test(`README.md:${block.line}: the js example runs`, async (t) => {
      // A block that imports is an ES module; one that only requires is CommonJS.
      const file = join(project, `block-${index}.${/^import\s/m.test(block.code) ? 'mjs' : 'cjs'}`)
      writeFileSync(file, block.code)
      await runIn(t, block, process.execPath, [file])
      t.pass()
    })
  } else if (block.lang === 'ts') {
    test(`README.md:${block.line}: the ts example runs, types stripped`, async (t) => {
      const { code } = await transform(block.code, { loader: 'ts', format: 'esm' })
      const file = join(project, `block-${index}.mjs`)
      writeFileSync(file, code)
      await runIn(t, block, process.execPath, [file])
      t.pass()
    })
  } else if (block.lang === 'sh') {
    test(`README.md:${block.line}: the sh example runs`, async (t) => {
      const file = join(project, `block-${index}.sh`)
      writeFileSync(file, block.code)
      await runIn(t, block, 'bash', ['-euo', 'pipefail', file])
      t.pass()
    })
  }
})

test('every ts example type-checks under a strict tsconfig with types: [] (blocks not run included)', async (t) => {
  const ts = readme.filter((b) => b.lang === 'ts')
  t.true(ts.length >= 2)
  const dir = join(project, 'ts')
  mkdirSync(dir, { recursive: true })
  const files = ts.map((block) => {
    const name = `line-${block.line}.mts`
    writeFileSync(join(dir, name), block.code)
    return name
  })
  // tsc --init's settings that bear on a library's types, and no Node.js types of the project's
  // own: Buffer must come from the package's declarations.
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        types: [],
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noUnusedLocals: false,
        skipLibCheck: true,
        noEmit: true,
      },
      files,
    }),
  )
  const tsc = compiler(NEWEST)
  try {
    await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: dir, timeout: 110_000 })
  } catch (error) {
    const e = error as { stdout?: string; message: string }
    throw new Error(`tsc over README.md's ts blocks (files named by the line of each block):\n${e.stdout || e.message}`)
  }
  t.pass()
})
