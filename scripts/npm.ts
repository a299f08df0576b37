// npm's command line as a [command, ...arguments] list that child_process runs on every platform:
// on Windows `npm` is a .cmd file, which Node.js runs only through a shell, so npm's own script
// is run by this Node.js instead. npm names that script in npm_execpath for every `npm run` and
// `npx`; elsewhere `npm` is looked up on PATH.

import { basename } from 'node:path'

export function npm(...args: string[]): [string, ...string[]] {
  const script = process.env.npm_execpath
  if (script !== undefined && basename(script) === 'npm-cli.js') return [process.execPath, script, ...args]
  return ['npm', ...args]
}
