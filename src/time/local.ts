/**
 * Times in the machine's time zone (TZ), always with the offset shown, so a person in Beijing reads
 * 14:03 where UTC would say 06:03, and nobody has to guess which clock a time is on.
 * Stored timestamps are ISO-8601 with that offset: Date.parse reads them, and older UTC "Z" ones alike.
 */

const pad = (n: number, width = 2): string => String(Math.trunc(Math.abs(n))).padStart(width, '0')

/** "+08:00" for Asia/Shanghai, "+00:00" for UTC: the zone's offset at that instant (DST-aware). */
export function offsetAt (ms: number): string {
  const minutes = -new Date(ms).getTimezoneOffset()
  return `${minutes < 0 ? '-' : '+'}${pad(minutes / 60)}:${pad(minutes % 60)}`
}

interface Parts { y: string; mo: string; d: string; h: string; mi: string; s: string; ms: string }

function parts (ms: number): Parts {
  const t = new Date(ms)
  return {
    y: pad(t.getFullYear(), 4), mo: pad(t.getMonth() + 1), d: pad(t.getDate()),
    h: pad(t.getHours()), mi: pad(t.getMinutes()), s: pad(t.getSeconds()), ms: pad(t.getMilliseconds(), 3),
  }
}

/** Stored form: 2026-11-27T14:03:05.123+08:00 (ISO-8601 with offset). */
export function localIso (ms: number): string {
  const p = parts(ms)
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}.${p.ms}${offsetAt(ms)}`
}

/** Shown form: 2026-11-27 14:03:05 +08:00. Accepts ms or any string Date.parse reads; other text is shown as is. */
export function localTime (at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at)
  if (!Number.isFinite(ms)) return String(at)
  const p = parts(ms)
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s} ${offsetAt(ms)}`
}

/** The local calendar day: 2026-11-27. */
export function localDay (ms: number): string {
  const p = parts(ms)
  return `${p.y}-${p.mo}-${p.d}`
}

/** 20261127-140305: the local second, for capture IDs. */
export function localCompact (ms: number): string {
  const p = parts(ms)
  return `${p.y}${p.mo}${p.d}-${p.h}${p.mi}${p.s}`
}

/** Local midnight that starts the day "YYYY-MM-DD", in ms; NaN for anything else. */
export function localDayStart (day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return NaN
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(y, mo - 1, d)
  // Date rolls 2026-13-45 over into 2027-02-14; a day that does not exist is not a date.
  return t.getFullYear() === y && t.getMonth() === mo - 1 && t.getDate() === d ? t.getTime() : NaN
}

/** 00:00 to 23:59:59: ECMAScript would read 24:00 as the next midnight. */
function validClock (hms: string): boolean {
  const [h = 99, mi = 99, sec = 0] = hms.split(':').map(Number)
  return h <= 23 && mi <= 59 && sec < 60
}

/**
 * A date a person typed, in local time unless it says otherwise: "2026-11-27" is local midnight
 * (Date.parse would take UTC), "2026-11-27 14:00" and "2026-11-27T14:00" are local, and a time
 * with Z or an offset is taken as written. NaN when it is not a date.
 */
export function parseLocalDate (text: string): number {
  const t = text.trim()
  const day = localDayStart(t)
  if (Number.isFinite(day)) return day
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?$/i.exec(t)
  if (!m?.[1] || !m[2] || !Number.isFinite(localDayStart(m[1])) || !validClock(m[2])) return NaN
  // Without Z/offset, ECMAScript reads a date-time form as local time.
  return Date.parse(`${m[1]}T${m[2]}${m[3] ?? ''}`)
}
