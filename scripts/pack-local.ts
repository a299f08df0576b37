// `npm run pack:local`: the tarballs a publish would upload, in pack/, ready for `npm install`:
// the main package, and one platform package for each addon built here (napi-rs names the
// binary `napi-secrets.<platform>.node`, and its package lives in `npm/<platform>/`), each
// checked to be a binary of its platform's kind (check-binary.ts).
// Run after `npm run build` (which `npm ci` does); nothing is rebuilt here.

import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { checkBinary } from './check-binary'
import { npm } from './npm'

const root = join(__dirname, '..')
const out = join(root, 'pack')

if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first')
const binaries = readdirSync(root).filter((f) => /^napi-secrets\..+\.node$/.test(f))
if (binaries.length === 0) throw new Error('no addon is built: run `npm run build` first')
// A binary of another platform's kind (a glibc build as the musl package) stops the packing
// before anything is packed.
for (const binary of binaries) checkBinary(binary.slice('napi-secrets.'.length, -'.node'.length), join(root, binary))

rmSync(out, { recursive: true, force: true })
mkdirSync(out)

/** `npm pack` of the package in `dir` into pack/, without running its scripts again. */
const pack = (dir: string): void => {
  const [command, ...args] = npm('pack', '--ignore-scripts', '--pack-destination', out)
  const name = execFileSync(command, args, { cwd: dir, encoding: 'utf8' })
  console.log(`pack/${name.trim().split('\n').at(-1)}`)
}

/**
 * The main package as it is published: its files, and a package.json with no scripts. The
 * repository's scripts (`prepare` among them) mean nothing to a user, and a lifecycle script in
 * the manifest makes package managers that gate install scripts ask about it; release.yml drops
 * them the same way (`npm pkg delete scripts`) before it publishes.
 */
function staged(): string {
  const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-pack-'))
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[]; scripts?: unknown }
  delete manifest.scripts
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  for (const entry of [...manifest.files, 'README.md']) cpSync(join(root, entry), join(dir, entry), { recursive: true })
  return dir
}

const main = staged()
try {
  pack(main)
} finally {
  rmSync(main, { recursive: true, force: true })
}
for (const binary of binaries) {
  const platform = binary.slice('napi-secrets.'.length, -'.node'.length)
  const dir = join(root, 'npm', platform)
  if (!existsSync(dir)) throw new Error(`${binary} has no package in npm/${platform}`)
  copyFileSync(join(root, binary), join(dir, binary))
  pack(dir)
}
