import { join } from 'node:path'
import { EXAMPLES, findToolchain } from './helpers/example-process.js'
import { proveExample } from './helpers/prove-example.js'

// `java Handler.java` compiles in memory: it needs a JDK (a JRE lacks jdk.compiler), and HexFormat needs 17.
const toolchain = findToolchain('Java (JDK 17+)', ['java'], ['-XshowSettings:properties', '--describe-module', 'jdk.compiler'],
  'install a JDK: apt-get install default-jdk-headless (.ci/run does)',
  out => Number(/java\.specification\.version = (\d+)/.exec(out)?.[1] ?? 0) >= 17)

proveExample({
  language: 'java',
  toolchain,
  start: () => ({ command: toolchain.command, args: ['Handler.java'], cwd: join(EXAMPLES, 'java'), ready: /listening on (http:\/\/\S+)/ }),
})
