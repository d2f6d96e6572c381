import { mergeAreas, type Catalogue } from '../types.js'
import { common } from './common.js'
import { discovery } from './discovery.js'
import { inspector } from './inspector.js'
import { preflight } from './preflight.js'
import { security } from './security.js'
import { signature } from './signature.js'
import { delivery } from './delivery.js'
import { answer } from './answer.js'
import { network } from './network.js'
import { grade } from './grade.js'
import { check } from './check.js'
import { language } from './language.js'
import { handler } from './handler.js'
import { runLog } from './run-log.js'
import { verdict } from './verdict.js'
import { checkReport } from './check-report.js'
import { usage } from './usage.js'
import { config } from './config.js'
import { checkCli } from './check-cli.js'
import { shutdown } from './shutdown.js'
import { cli } from './cli.js'
import { cliUsage } from './cli-usage.js'
import { capturesCli } from './captures-cli.js'
import { capturesViews } from './captures-views.js'
import { profileConfig } from './profile-config.js'
import { profileWords } from './profile-words.js'
import { receiverLog } from './receiver-log.js'
import { deliveryReasons } from './delivery-reasons.js'
import { checkSent } from './check-sent.js'
import { lists } from './lists.js'
import { gradeDetails } from './grade-details.js'
import { forensics } from './forensics.js'
import { wechatApi } from './wechat-api.js'
import { setup } from './setup.js'

/**
 * The English catalogue: one file per area, merged here. Each area's codes are unique
 * across the whole catalogue (a duplicate key fails the completeness test).
 */
export const enAreas = { common, preflight, inspector, signature, discovery, delivery, answer, network, grade, check, language, handler, security, runLog, verdict, checkReport, usage, config, checkCli, shutdown, cli, cliUsage, capturesCli, capturesViews, profileConfig, profileWords, receiverLog, deliveryReasons, checkSent, lists, gradeDetails, forensics, wechatApi, setup } as const

export const en = mergeAreas(enAreas) satisfies Catalogue

export type MessageCode = keyof typeof en
