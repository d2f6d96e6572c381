import { join } from 'node:path'
import { EXAMPLES, findToolchain } from './helpers/example-process.js'
import { proveExample } from './helpers/prove-example.js'

// The python3 first in PATH (pyenv, a venv) may lack `cryptography`; Debian's python3-cryptography
// belongs to /usr/bin/python3. Take the first interpreter that can import it.
const toolchain = findToolchain('Python 3 with cryptography', [...(process.env.PYTHON ? [process.env.PYTHON] : []), '/usr/bin/python3', 'python3'],
  ['-c', 'import cryptography.hazmat.primitives.ciphers'], 'install it: apt-get install python3-cryptography (.ci/run does), or set PYTHON to an interpreter that has it')

proveExample({
  language: 'python',
  toolchain,
  start: () => ({ command: toolchain.command, args: ['handler.py'], cwd: join(EXAMPLES, 'python'), ready: /listening on (http:\/\/\S+)/ }),
})
