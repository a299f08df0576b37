// Runs a few lines in a Node.js process of its own, with the package as `s` and a bounded heap:
// for calls that, when wrong, end the process (V8's fatal errors) or never return.

import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')

/** How `code` ended: its exit status (0 unless killed or crashed), signal and output. */
export function inChild(code: string, heapMb = 1024): { status: number | null; signal: string | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '-e', `const s = require('.');\n${code}`], {
    cwd: ROOT,
    encoding: 'utf8',
    // A hang guard, generous: each call here is refused in well under a second.
    timeout: 30_000,
  })
  return { status: run.status, signal: run.signal, stdout: run.stdout.trim(), stderr: run.stderr.slice(0, 500) }
}

/** `inChild` of `expr`: prints the code of the error it throws, or `made` for a result. */
export const codeInChild = (expr: string, heapMb?: number) =>
  inChild(`try { ${expr}; console.log('made') } catch (e) { console.log(e.code ?? e.message) }`, heapMb)
