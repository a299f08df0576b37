// The page's script: the package as a browser bundle sees it. The counter of getRandomValues
// calls is installed before this bundle runs, so `drawsAtLoad` shows what importing drew. Its
// type check (tsconfig.json here) resolves the package's browser types with no Node.js types.

import everything, * as named from 'napi-secrets'
import './globals.mjs'

globalThis.drawsAtLoad = globalThis.randomCalls
globalThis.secrets = named
globalThis.secretsDefault = everything
