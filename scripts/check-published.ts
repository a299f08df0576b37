// The release's last check before it publishes the main package: every platform package in
// npm/ is on the registry at package.json's version, and the main package names each in its
// optionalDependencies (as `napi prepublish` writes them). A platform package that failed to
// publish is otherwise silent: npm skips a missing optional dependency without a warning, and
// its users get the js backend. The registry is npm's configured one; a fresh publish can take
// a while to show, so each package is asked again for up to two minutes.

import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { npm } from './npm'

const WAIT_MS = 120_000
const POLL_MS = 5_000

const root = process.cwd()
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const { version, optionalDependencies = {} } = read(join(root, 'package.json'))
const platforms: string[] = readdirSync(join(root, 'npm')).map((dir) => read(join(root, 'npm', dir, 'package.json')).name)

const published = (name: string): boolean => {
  const [command, ...args] = npm('view', `${name}@${version}`, 'version')
  return spawnSync(command, args, { encoding: 'utf8' }).stdout?.trim() === version
}

const problems = platforms.filter((name) => optionalDependencies[name] !== version).map((name) => `${name} is not in optionalDependencies at ${version}`)
let missing = platforms
for (const deadline = Date.now() + WAIT_MS; ; ) {
  missing = missing.filter((name) => !published(name))
  if (missing.length === 0 || Date.now() >= deadline) break
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, POLL_MS)
}
problems.push(...missing.map((name) => `${name}@${version} is not on the registry`))

if (problems.length > 0) {
  console.error(`Not publishing the main package:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`All ${platforms.length} platform packages are on the registry at ${version}.`)
