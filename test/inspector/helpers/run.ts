import { pino } from 'pino'
import type { Config } from '../../../src/config.js'
import { startInspectorFor, type StartedInspector } from '../../../src/inspector/start.js'
import { startLoop, type Loop } from '../../../src/loop/loop.js'
import { testConfig } from '../../helpers/config.js'
import { logSink } from '../../helpers/log-sink.js'

export interface InspectedRun { config: Config; loop: Loop; inspector: StartedInspector; sink: ReturnType<typeof logSink>; close: () => Promise<void> }

/** What `npm start` does, in-process: the embedded loop (receiver + emulator) and the inspector on an ephemeral port. */
export async function startInspectedRun (env: Record<string, string> = {}): Promise<InspectedRun> {
  const config = testConfig({ LOG_LEVEL: 'info', WAIT_TIMEOUT_MS: '10000', INSPECTOR_PORT: 'auto', ...env })
  const sink = logSink()
  const logger = pino({ level: 'info' }, sink.stream)
  const loop = await startLoop({ config, logger })
  const inspector = await startInspectorFor(loop.app, loop.receiverUrl, logger)
  if (!inspector) throw new Error('inspector did not start')
  return { config, loop, inspector, sink, close: async () => { await inspector.close(); await loop.close() } }
}
