import { join } from 'node:path'
import { EXAMPLES, findToolchain } from './helpers/example-process.js'
import { proveExample } from './helpers/prove-example.js'

const toolchain = findToolchain('Go', ['go'], ['version'], 'install it: apt-get install golang-go (.ci/run does)')

proveExample({
  language: 'go',
  toolchain,
  start: () => ({ command: toolchain.command, args: ['run', 'handler.go'], cwd: join(EXAMPLES, 'go'), ready: /listening on (http:\/\/\S+)/ }),
})
