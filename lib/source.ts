// The package's one random source: the backend this process loaded, and the word pool over it
// for small draws. Both are made at import; neither draws a byte until first used, since edge
// runtimes forbid randomness at module scope.

import { load } from './backends/load.js'
import { createPool } from './pool.js'

export const { name, backend } = load()
export const pool = createPool((bytes) => backend.fillRandom(bytes))
