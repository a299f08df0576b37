// Compiles lib/ twice: for Node.js (CommonJS, with an ES module entry, in dist/) and for browsers
// (ES modules, in dist/browser/). The browser build resolves `./platform.js` to
// `platform.browser.ts` (tsconfig's moduleSuffixes) but keeps the specifier, so its files are
// renamed here to the names its imports use.

import { execFileSync } from 'node:child_process'
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

// TypeScript 7's compiler is a native binary behind bin/tsc, a path its exports map does not
// list: found through package.json, which it does.
const manifest = require.resolve('typescript/package.json')
const tsc = join(dirname(manifest), require(manifest).bin.tsc)
const compile = (project: string) => execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' })

function renameBrowserFiles(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) renameBrowserFiles(path)
    else if (entry.includes('.browser.')) renameSync(path, join(dir, entry.replace('.browser.', '.')))
  }
}

rmSync('dist', { recursive: true, force: true })
compile('tsconfig.build.json')
compile('tsconfig.browser.json')
renameBrowserFiles(join('dist', 'browser'))
// The browser build is ES modules in a package whose .js files are CommonJS.
writeFileSync(join('dist', 'browser', 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`)
