import { parseArgs } from 'node:util'
import type { Dispatcher } from 'undici'
import { runBattery } from '../check/battery.js'
import { DEFAULT_TIMEOUT_MS } from '../net/send-request.js'
import { renderReport } from '../check/report-table.js'
import { ConfigError } from '../config.js'
import { configPreflight } from '../preflight/checklist.js'
import { render } from '../messages/render.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { createProfile } from '../profiles/create.js'
import type { Io } from './io.js'
import { CheckOptionError, selectChecks } from '../check/select.js'
import { SELECT_OPTIONS, SELECT_USAGE, selectionFlags } from '../check/select-flags.js'
import { safeLines } from '../log/terminal-safe.js'

export interface CheckDeps { now?: () => number; dispatcher?: Dispatcher; profile?: CryptoProfile }

export const CHECK_USAGE = `usage: npm run check -- --target URL [--json] [--timeout-ms N] [--only CLASS,…] [--api API] [--set F=V …] [--set-file F] [--appid ID --token T --aes-key K]

Acts as WeChat's back end: sends your notification handler the two version-1 deliveries and a
battery of hostile ones, and grades each answer against docs/PROTOCOL.md §4 and §8.

  --target URL      your handler, e.g. http://127.0.0.1:8080/notify (the signed query is appended)
  --json            print one JSON report (for CI) instead of the table
  --timeout-ms N    how long to wait for each answer (default ${DEFAULT_TIMEOUT_MS})
${SELECT_USAGE}

Secrets: the ones your handler is configured with, from the environment (.env) or flags:
  WECHAT_APPID             --appid     the account AppID (also the appid inside the ciphertext)
  NONTAX_TOKEN             --token     the signing Token
  NONTAX_ENCODING_AES_KEY  --aes-key   the 43-character EncodingAESKey
Prefer the environment: flags end up in shell history. Secrets are never printed.

Exit code: 0 no FAIL, 1 at least one FAIL, 2 usage or configuration error.`

const SECRET_VARS = [
  ['appid', 'WECHAT_APPID'],
  ['token', 'NONTAX_TOKEN'],
  ['aes-key', 'NONTAX_ENCODING_AES_KEY'],
] as const

/** `check --target URL`: exit 0 when no class FAILs, 1 on any FAIL, 2 on a usage or config error. */
export async function runCheck (argv: string[], io: Io, deps: CheckDeps = {}): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>
  try {
    values = parseArgs({
      args: argv,
      options: {
        target: { type: 'string' }, json: { type: 'boolean' }, 'timeout-ms': { type: 'string' },
        appid: { type: 'string' }, token: { type: 'string' }, 'aes-key': { type: 'string' }, help: { type: 'boolean', short: 'h' },
        ...SELECT_OPTIONS,
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (err) {
    io.err(`check: ${(err as Error).message}\n\n${CHECK_USAGE}`)
    return 2
  }
  if (values.help) {
    io.out(CHECK_USAGE)
    return 0
  }
  const target = typeof values.target === 'string' ? values.target : undefined
  if (!target || !/^https?:\/\/[^/]/.test(target) || !URL.canParse(target)) {
    io.err(`${render({ code: 'CHECK_TARGET_INVALID' }, io.lang)}${target ? render({ code: 'CHECK_TARGET_GOT', params: { target } }, io.lang) : ''}\n\n${CHECK_USAGE}`)
    return 2
  }
  const timeoutMs = values['timeout-ms'] === undefined ? DEFAULT_TIMEOUT_MS : Number(values['timeout-ms'])
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) {
    io.err(render({ code: 'CHECK_TIMEOUT_INVALID', params: { value: String(values['timeout-ms']) } }, io.lang))
    return 2
  }
  let selection
  try {
    selection = selectChecks(selectionFlags(values))
  } catch (err) {
    if (!(err instanceof CheckOptionError)) throw err
    io.err(render(err.finding, io.lang))
    return 2
  }
  const env = { ...io.env }
  const fromFlags = new Set<string>()
  for (const [flag, name] of SECRET_VARS) if (typeof values[flag] === 'string') { env[name] = values[flag]; fromFlags.add(name) }
  let secrets
  let profile
  try {
    // The shared preflight: unknown NONTAX_/WECHAT_ names, values, and the handler's three secrets.
    const pre = configPreflight({ env, fromFile: io.fromFile ?? new Set(), fromFlags, command: 'check', demoKeys: false, load: { isTTY: io.isTTY, ...(io.lang ? { lang: io.lang } : {}) } })
    secrets = pre.config.secrets
    profile = deps.profile ?? createProfile(pre.config.profile)
    if (!values.json) io.err(pre.lines.join('\n'))
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    io.err(err.code === 'CHECK_SECRETS_MISSING' ? err.problems.join('\n') : `check: ${err.message}`)
    return 2
  }
  const report = await runBattery({ target, secrets, profile, now: deps.now, timeoutMs, dispatcher: deps.dispatcher, cases: selection.cases, overrides: selection.overrides })
  const text = values.json ? JSON.stringify(report, null, 2) : renderReport(profile.assumptionFinding ? { ...report, assumption: render(profile.assumptionFinding, io.lang) } : report, io.lang)
  // Secrets a handler echoes are masked where they enter the report (gradeReply).
  // A handler's answer text is shown escaped: it cannot move the cursor or forge a report line.
  io.out(values.json ? text : safeLines(text))
  return report.summary.fail > 0 ? 1 : 0
}
