import { toCurl, toHar } from '../capture/export.js'
import type { FileStore } from '../capture/file-store.js'
import { dayFileName, dayRange, listDayFiles, scanRecords } from '../capture/ndjson-files.js'
import { render } from '../messages/render.js'
import { outgoingRequest } from '../capture/recorded-request.js'
import type { CaptureRecord, ListFilter } from '../capture/record.js'
import { correctionFindings, truncationFinding } from '../capture/record-notes.js'
import { algorithmIn, listHeader, listLine, showText } from './captures-format.js'
import type { CryptoProfile } from '../protocol/profile.js'
import { UsageError } from '../errors.js'
import { parseReplayTarget } from '../net/replay-target.js'
import { localTime } from '../time/local.js'
import type { Io } from './io.js'
import type { Lang } from '../messages/types.js'

type Out = (text: string) => void

/** --json prints one record per line, exactly like the files, so `| jq` works on either. */
export async function listCaptures (store: FileStore, out: Out, io: Io, f: ListFilter & { json: boolean }): Promise<number> {
  const records = await store.list({ sinceMs: f.sinceMs, errcode: f.errcode, orderId: f.orderId, limit: f.limit })
  if (records.length === 0) {
    io.err(store.stats.records === 0
      ? render({ code: 'LIST_NONE_YET', params: { dir: store.dir } }, io.lang)
      : render({ code: 'LIST_NONE_MATCH', params: { count: store.stats.records, dir: store.dir } }, io.lang))
    return 0
  }
  if (io.isTTY && !f.json) out(listHeader(io.lang))
  for (const r of records) out(f.json ? JSON.stringify(r) : listLine(r))
  if (f.limit !== undefined && records.length === f.limit && store.stats.records > f.limit) {
    io.err(render({ code: 'LIST_LIMITED', params: { limit: f.limit, count: store.stats.records } }, io.lang))
  }
  return 0
}

export function showCapture (r: CaptureRecord, out: Out, json: boolean, lang: Lang = 'en', profile?: CryptoProfile): number {
  out(json ? JSON.stringify(r, null, 2) : showText(r, lang, algorithmIn(profile, lang), profile))
  return 0
}

/**
 * Unmasked on purpose: the output must carry the exact recorded bytes, and records hold no
 * secrets by construction (masking could only corrupt a ciphertext that happened to contain one).
 */
export function exportCapture (r: CaptureRecord, io: Io, curl: boolean, har: boolean, to: string | undefined): number {
  if (curl === har) {
    throw UsageError.from({ code: 'CAPTURES_EXPORT_ONE_FORMAT' })
  }
  if (to !== undefined) parseReplayTarget(to)
  const req = outgoingRequest(r, to)
  // On stderr, so `| bash` still gets the command alone: what the record says beyond the bytes.
  for (const f of [truncationFinding(r.body), ...correctionFindings(r)]) if (f) io.err(render({ code: 'EXPORT_NOTE', params: { note: f } }, io.lang))
  io.out(curl ? toCurl(req) : JSON.stringify(toHar(r, req, { name: 'nontax-debugger', version: '0.1.0' }), null, 2))
  return 0
}

export async function pruneCaptures (store: FileStore, out: Out, olderThanMs: number, lang?: Lang): Promise<number> {
  const res = await store.prune(olderThanMs)
  if (res.removed.length === 0) {
    out(render({ code: 'PRUNE_NOTHING', params: { dir: store.dir, cutoff: localTime(res.cutoff) } }, lang))
    return 0
  }
  for (const f of res.removed) out(render({ code: 'PRUNE_REMOVED_FILE', params: { file: f.file, records: f.records } }, lang))
  out(render({ code: 'PRUNE_DONE', params: { records: res.records, files: res.removed.length, cutoff: localTime(res.cutoff) } }, lang))
  return 0
}

/** What prune would remove, read from the day files, without touching them (same rule as the store's prune). */
export async function pruneDryRun (dir: string, out: Out, olderThanMs: number, now: () => number, lang?: Lang): Promise<number> {
  const cutoffMs = now() - olderThanMs
  // Shown as the person keeps time, with the offset (day files are local days too).
  const cutoff = localTime(cutoffMs)
  const today = dayFileName('', now())
  let records = 0
  let files = 0
  for (const file of await listDayFiles(dir).catch(() => [])) {
    if (file === today || dayRange(file).endMs > cutoffMs) continue
    const ids = new Set<string>()
    for await (const item of scanRecords(dir, file)) if ('record' in item) ids.add(item.record.id)
    out(render({ code: 'PRUNE_DRY_RUN_FILE', params: { file, records: ids.size } }, lang))
    records += ids.size
    files++
  }
  out(render(files === 0
    ? { code: 'PRUNE_DRY_RUN_NONE', params: { dir, cutoff } }
    : { code: 'PRUNE_DRY_RUN_TOTAL', params: { records, files, cutoff } }, lang))
  return 0
}
