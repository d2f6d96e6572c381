import type { Dispatcher } from 'undici'
import { runBattery } from '../check/battery.js'
import { DEFAULT_TIMEOUT_MS } from '../net/send-request.js'
import { renderReport } from '../check/report-table.js'
import { ConfigError } from '../config.js'
import { configPreflight } from '../preflight/checklist.js'
import { render } from '../messages/render.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { createProfile } from '../profiles/create.js'
import { assumptionText } from '../profiles/words.js'
import type { Io } from './io.js'
import { parseFlags, UsageError } from './args.js'
import { errorText } from '../messages/error-text.js'
import { CheckOptionError, selectChecks } from '../check/select.js'
import { SELECT_OPTIONS, selectionFlags } from '../check/select-flags.js'
import { safeLines } from '../log/terminal-safe.js'

export interface CheckDeps { now?: () => number; dispatcher?: Dispatcher; profile?: CryptoProfile }


const SECRET_VARS = [
  ['appid', 'WECHAT_APPID'],
  ['token', 'NONTAX_TOKEN'],
  ['aes-key', 'NONTAX_ENCODING_AES_KEY'],
] as const

const checkUsage = (io: Io) => render({ code: 'USAGE_CHECK', params: { timeoutMs: DEFAULT_TIMEOUT_MS } }, io.lang)

/** `check --target URL`: exit 0 when no class FAILs, 1 on any FAIL, 2 on a usage or config error or an unreachable target. */
export async function runCheck (argv: string[], io: Io, deps: CheckDeps = {}): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>
  try {
    values = parseFlags(argv, {
      target: { type: 'string' }, json: { type: 'boolean' }, 'timeout-ms': { type: 'string' },
      appid: { type: 'string' }, token: { type: 'string' }, 'aes-key': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      ...SELECT_OPTIONS,
    }).values
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    io.err(`check: ${errorText(err, io.lang)}\n\n${checkUsage(io)}`)
    return 2
  }
  if (values.help) {
    io.out(checkUsage(io))
    return 0
  }
  const target = typeof values.target === 'string' ? values.target : undefined
  if (!target || !/^https?:\/\/[^/]/.test(target) || !URL.canParse(target)) {
    io.err(`${render({ code: 'CHECK_TARGET_INVALID' }, io.lang)}${target ? render({ code: 'CHECK_TARGET_GOT', params: { target } }, io.lang) : ''}\n\n${checkUsage(io)}`)
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
    io.err(err.code === 'CHECK_SECRETS_MISSING' ? err.problems.join('\n') : `check: ${errorText(err, io.lang)}`)
    return 2
  }
  const report = await runBattery({ target, secrets, profile, now: deps.now, timeoutMs, dispatcher: deps.dispatcher, cases: selection.cases, overrides: selection.overrides })
  const text = values.json ? JSON.stringify(report, null, 2) : renderReport(profile.assumptionFinding ? { ...report, assumption: assumptionText(profile, io.lang) } : report, io.lang, profile)
  // Secrets a handler echoes are masked where they enter the report (gradeReply).
  // A handler's answer text is shown escaped: it cannot move the cursor or forge a report line.
  io.out(values.json ? text : safeLines(text))
  // Nothing answered at all: the handler was never graded, so the run could not be made (exit 2), not a FAIL.
  if (report.results.length > 0 && report.results.every(r => r.reply.unreachable)) return 2
  return report.summary.fail > 0 ? 1 : 0
}
