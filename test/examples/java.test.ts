import { join } from 'node:path'
import { EXAMPLES, findToolchain } from './helpers/example-process.js'
import { proveExample } from './helpers/prove-example.js'

// `java Handler.java` (source-file mode) needs Java 11+; the example is written for 17.
const toolchain = findToolchain('Java (JDK 17+)', ['java'], ['-version'], 'install a JDK: apt-get install default-jdk-headless (.ci/run does)')

proveExample({
  language: 'java',
  toolchain,
  start: () => ({ command: toolchain.command, args: ['Handler.java'], cwd: join(EXAMPLES, 'java'), ready: /listening on (http:\/\/\S+)/ }),
})
