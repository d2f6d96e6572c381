import { join } from 'node:path'
import { EXAMPLES, findToolchain } from './helpers/example-process.js'
import { proveExample } from './helpers/prove-example.js'

const toolchain = findToolchain('PHP with openssl', ['php'], ['-r', 'exit(function_exists("openssl_decrypt") ? 0 : 1);'], 'install it: apt-get install php-cli (.ci/run does)')

proveExample({
  language: 'php',
  toolchain,
  // PHP's built-in server binds port 0 to a free port and prints the one it got.
  start: () => ({ command: toolchain.command, args: ['-S', '127.0.0.1:0', 'handler.php'], cwd: join(EXAMPLES, 'php'), ready: /Development Server \((http:\/\/[^)]+)\) started/, path: '/notify' }),
})
