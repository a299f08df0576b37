// TypeScript compilers for the consumer tests, installed once each into node_modules/.cache: as
// dev dependencies, more `typescript` packages would fight over node_modules/.bin/tsc. One folder
// a platform and architecture, as TypeScript 7's compiler is a native binary, and test:arm64 runs
// the tests on arm64 with the node_modules that npm ci installed for x64.

import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { npm } from '../../scripts/npm.js'

/** The newest TypeScript, which the project builds with, and the oldest the README supports. */
export const [NEWEST, OLDEST] = ['7.0.2', '5.0.4']

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The path of TypeScript `version`'s tsc script, to run with this Node.js. */
export function compiler(version: string): string {
  const dir = join(root, 'node_modules', '.cache', `typescript-${version}-${process.platform}-${process.arch}`)
  const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc')
  if (!existsSync(tsc)) {
    // For this process's platform, whatever Node.js runs npm (under emulation, it may be x64's).
    const platform = [`--os=${process.platform}`, `--cpu=${process.arch}`]
    const [command, ...args] = npm('install', '--no-save', '--no-audit', '--no-fund', ...platform, '--prefix', dir, `typescript@${version}`)
    const installed = spawnSync(command, args, { cwd: root, encoding: 'utf8' })
    if (installed.status !== 0) throw new Error(`npm could not install TypeScript ${version}: ${installed.stderr}`)
  }
  return tsc
}
