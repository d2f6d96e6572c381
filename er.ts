import { englishRuns } from './test/i18n/english-runs.ts'
import { runCli } from './test/helpers/cli-process.ts'
const Z = { LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai', ENV_FILE: 'none', PORT: '0', INSPECTOR_PORT: 'auto', LOG_FORMAT: 'pretty' }
const cases: Array<[string[], Record<string, string>]> = [
  [['run', '--once'], {}],
  [['check', '--help'], {}],
  [['check', '--target'], {}],
  [['captures', '--help'], {}],
  [['captures', 'list', '--bogus'], {}],
  [['captures', 'list'], {}],
  [['captures', 'show', 'nope'], {}],
  [['captures', 'discover'], {}],
  [['serve', '--nope'], {}],
  [['run', '--once'], { NONTAX_PROFILE: 'nope' }],
  [['run', '--once'], { NONTAX_PROFILE: '{"body":"yaml"}' }],
  [['run', '--once'], { TLS_CERT_FILE: '/nonexistent.pem', TLS_KEY_FILE: '/nonexistent.key' }],
  [['certs', '--help'], {}],
  [['--help'], {}],
]
for (const [args, env] of cases) {
  const r = await runCli(args, { ...Z, ...env })
  console.log('=====', args.join(' '), JSON.stringify(env), 'exit', r.code, englishRuns(r.stdout + r.stderr))
  if (process.env.SHOW) console.log(r.stdout + r.stderr)
}
