// What the page's script leaves on `globalThis` for the test to read, typed once for both the
// page (browser types) and the test (Node.js types).

import type * as named from 'napi-secrets'
import type everything from 'napi-secrets'

declare global {
  var randomCalls: number
  var drawsAtLoad: number
  var secrets: typeof named
  var secretsDefault: typeof everything
}
