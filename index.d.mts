import * as secrets from './index.js'

export * from './index.js'
export default secrets
