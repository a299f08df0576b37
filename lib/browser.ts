// The ES module entry for browsers, web workers and edge runtimes: every export, and a default
// export holding them all, as the Node.js entry has.

import * as secrets from './index.js'

export * from './index.js'
export default secrets
