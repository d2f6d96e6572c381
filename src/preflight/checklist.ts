import { CONFIG_VARS, loadConfig, type Config, type Env, type LoadOptions } from '../config.js'
import { ConfigError } from '../errors.js'
import { listOf, listText, render } from '../messages/render.js'
import type { Finding, Lang } from '../messages/types.js'
import { keysInUse, type KeySource } from './keys.js'
import { unknownVarFinding, unknownVars } from './vars.js'

/** Which command asks: serve and captures verify need real secrets; run works with generated ones. */
export type PreflightCommand = 'run' | 'serve' | 'verify' | 'check'

export interface PreflightInput {
  env: Env
  /** Names whose values came from .env (the environment wins over .env, so those are not here). */
  fromFile: ReadonlySet<string>
  command: PreflightCommand
  /** --demo-keys: the user asked for generated secrets explicitly. */
  demoKeys: boolean
  /** Names whose values came from command-line flags (check --token …), shown as such. */
  fromFlags?: ReadonlySet<string>
  load?: LoadOptions
}

export interface Preflight { config: Config; lines: string[] }

/** The checks that need no network: names, values, secrets. Throws a ConfigError (exit 2) on the first failing group. */
export function configPreflight (p: PreflightInput): Preflight {
  const lang = p.load?.lang
  const unknown = unknownVars(p.env, CONFIG_VARS, p.fromFile).map(u => render(unknownVarFinding(u), lang))
  // Every problem at once (README "Configuration"): a misspelt name and a malformed value in one run, not one per run.
  let config: Config
  try {
    config = loadConfig(p.env, p.load)
  } catch (err) {
    if (!(err instanceof ConfigError) || unknown.length === 0) throw err
    throw new ConfigError([...unknown, ...err.problems], 'PREFLIGHT_UNKNOWN_VAR', lang)
  }
  if (unknown.length > 0) throw new ConfigError(unknown, 'PREFLIGHT_UNKNOWN_VAR', lang)
  if (p.command === 'check') checkSecrets(config, lang)
  const missing = config.generated.filter(n => n !== 'WECHAT_APPID')
  if (p.command !== 'run' && missing.length > 0 && !p.demoKeys) throw secretsMissing(commandName(p.command), missing, lang)
  return { config, lines: checklist(p, config) }
}

/** The command needs secrets that are not set (exit 2); `missing` names each (with its flag, where there is one). */
export function secretsMissing (command: string, missing: string[], lang: Lang | undefined): ConfigError {
  const names = listText(listOf(missing, 'and'), lang)
  const text = render({ code: 'PREFLIGHT_SECRETS_MISSING', params: { command, missing: lang === 'zh' ? names : `${names} ${missing.length > 1 ? 'are' : 'is'}` } }, lang)
  return new ConfigError([text], 'PREFLIGHT_SECRETS_MISSING', lang)
}

/** check plays WeChat against the user's handler: it needs all three of the handler's secrets, AppID included. */
const CHECK_FLAGS = { WECHAT_APPID: 'appid', NONTAX_TOKEN: 'token', NONTAX_ENCODING_AES_KEY: 'aes-key' } as const
function checkSecrets (config: Config, lang: Lang | undefined): void {
  if (config.generated.length === 0) return
  const missing = config.generated.map(name => render({ code: 'CHECK_SECRET_NAME', params: { name, flag: CHECK_FLAGS[name] } }, lang)).join(render({ code: 'LIST_SEP' }, lang))
  throw new ConfigError([render({ code: 'CHECK_SECRETS_MISSING', params: { missing } }, lang)], 'CHECK_SECRETS_MISSING', lang)
}

function checklist (p: PreflightInput, config: Config): string[] {
  const ours = Object.keys(p.env).filter(k => CONFIG_VARS.includes(k) && p.env[k] !== undefined && p.env[k]?.trim() !== '')
  const fromFile = ours.filter(k => p.fromFile.has(k)).length
  const sourceOf = (name: string): KeySource => (config.generated.includes(name as never) ? 'generated' : p.fromFlags?.has(name) ? 'flag' : p.fromFile.has(name) ? '.env' : 'environment')
  const findings: Finding[] = [
    { code: 'PREFLIGHT_OK_VARS', params: { fromFile, fromEnv: ours.length - fromFile } },
    { code: 'PREFLIGHT_OK_APPID', params: { appid: config.secrets.appid, source: sourceOf('WECHAT_APPID') } },
    ...keysInUse({
      NONTAX_TOKEN: config.secrets.token,
      NONTAX_ENCODING_AES_KEY: config.secrets.encodingAESKey,
      ...(config.mode === 'real' ? { WECHAT_APPSECRET: config.wechat.appsecret, WECHAT_ACCESS_TOKEN: config.wechat.accessToken } : {}),
    }, sourceOf).map(k => ({ code: 'PREFLIGHT_OK_KEY', params: { ...k, source: k.source } })),
  ]
  if (config.generated.length > 0) findings.push({ code: 'PREFLIGHT_DEMO_KEYS', params: { names: listOf(config.generated, 'and') } })
  const lang = p.load?.lang
  const source = (k: KeySource) => render({ code: SOURCE_CODE[k] }, lang)
  return [render({ code: 'PREFLIGHT_HEAD' }, lang), ...findings.map(f => render(f.code === 'PREFLIGHT_OK_APPID' || f.code === 'PREFLIGHT_OK_KEY' ? { ...f, params: { ...f.params, source: source(f.params?.source as KeySource) } } : f, lang))]
}

const SOURCE_CODE = { '.env': 'SOURCE_ENV_FILE', environment: 'SOURCE_ENVIRONMENT', generated: 'SOURCE_GENERATED', flag: 'SOURCE_FLAG' } as const satisfies Record<KeySource, string>

function commandName (c: PreflightCommand): string {
  return c === 'verify' ? 'captures verify' : c
}
