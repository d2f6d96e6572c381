import { mergeAreas, type Catalogue } from '../types.js'
import type { MessageCode } from '../en/index.js'
import { common } from './common.js'
import { discovery } from './discovery.js'
import { inspector } from './inspector.js'
import { preflight } from './preflight.js'
import { signature } from './signature.js'
import { delivery } from './delivery.js'
import { answer } from './answer.js'
import { network } from './network.js'
import { grade } from './grade.js'
import { check } from './check.js'
import { language } from './language.js'
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
import { handler } from './handler.js'
import { security } from './security.js'

/**
 * 中文目录：与 en/ 一一对应，每个领域一个文件，在此合并。代码、JSON 字段名与英文相同，只有文字不同。
 * Each zh area file is typed against its en area, so a code zh has and en lacks is a compile error;
 * the merged object must have every en code, so a message in English only is a compile error too.
 */
export const zhAreas = { common, preflight, inspector, signature, discovery, delivery, answer, network, grade, check, language, handler, security, runLog, verdict, checkReport, usage, config, checkCli, shutdown, cli, cliUsage, capturesCli, capturesViews, profileConfig, profileWords, receiverLog, deliveryReasons, checkSent, lists, gradeDetails, forensics, wechatApi, setup } as const

export const zh = mergeAreas(zhAreas) satisfies Catalogue<MessageCode>
