// Browsers, web workers and edge runtimes run no native addon: the backend is always `js`.

import type { Backend, BackendName } from './backend.js'
import { js } from './js/index.js'

/** The loaded backend and its name. */
export interface Loaded {
  name: BackendName
  backend: Backend
}

/** The `js` backend, the only one there is here. */
export const load = (): Loaded => ({ name: 'js', backend: js })
