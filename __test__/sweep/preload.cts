// Loaded with `node --require` before a sweep child runs: counts every call into the loaded
// backend (the native addon or the js one; every random byte comes through it, the word pool's
// refills included) and, at exit, writes the count and the CPU time used to file descriptor 3.
// A refusal must come before any draw: its count must be 0.
// Compiled and pointed at the build as child.cts is.

import { writeSync } from 'node:fs'
import { join } from 'node:path'

const { backend } = require(join(process.env.NAPI_SECRETS_DIST!, 'source.js')) as { backend: Record<string, unknown> }
let calls = 0
for (const [key, fn] of Object.entries(backend)) {
  if (typeof fn === 'function') {
    backend[key] = function counted(this: unknown, ...args: unknown[]) {
      calls++
      return (fn as (...a: unknown[]) => unknown).apply(this, args)
    }
  }
}

process.on('exit', () => {
  const { user, system } = process.cpuUsage()
  try {
    writeSync(3, JSON.stringify({ calls, cpuMs: Math.round((user + system) / 1000) }))
  } catch {
    // No descriptor 3: run by hand.
  }
})
