import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { errorCodes } from 'fastify'
import type { BodyTruncation } from '../capture/record.js'

/** What a refused or broken body still left us: the bytes kept and how they fall short of the whole. */
export interface PartialBody { body: Buffer; truncated: BodyTruncation }

type Done = (err: Error | null, body?: Buffer) => void
type Carrier = Error & { statusCode?: number; [PARTIAL]?: PartialBody }

const PARTIAL = Symbol('nontax.partialBody')
const EMPTY = Buffer.alloc(0)

/** The bytes an error from readBoundedBody carries to the error handler, if any. */
export function partialBodyOf (err: unknown): PartialBody | undefined {
  return (err as Carrier | undefined)?.[PARTIAL]
}

/**
 * The receiver's body reader, in place of Fastify's `parseAs: 'buffer'` (whose limit checks live
 * in its rawBody path and keep no bytes when they fail). Same answers, same error codes: 413
 * FST_ERR_CTP_BODY_TOO_LARGE, 400 FST_ERR_CTP_INVALID_CONTENT_LENGTH, 400 for a stream error
 * (client gone mid-body). What differs: each error carries what was received, for the record.
 * - Content-Length over the limit: refused before reading (as Fastify does, and HTTP allows);
 *   the record says how many bytes were announced and that none were read.
 * - No Content-Length (chunked) and more than `limit` bytes: the first `limit` bytes are kept
 *   exactly (the cap), reading stops at the chunk that crossed it, the record says how many came.
 * - Ended early or a length mismatch: every byte that arrived is kept.
 * The normal path is Fastify's: chunks into an array, one Buffer.concat (a copy, so nothing
 * refers to the socket's read buffer), no stream in between.
 */
export function boundedBodyReader (limit: number) {
  return function readBoundedBody (req: { headers: IncomingHttpHeaders }, payload: IncomingMessage, done: Done): void {
    const header = req.headers['content-length']
    const declared = header === undefined ? undefined : Number(header)
    if (declared !== undefined && declared > limit) {
      done(carrying(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), EMPTY, shortfall('too-large', declared, 0, limit)))
      return
    }
    const chunks: Buffer[] = []
    let received = 0
    // Object methods, not named inner functions: tsx (esbuild keepNames) would define a name for
    // each of those on every delivery. Removed once settled, as Fastify does.
    const on = {
      data (chunk: Buffer): void {
        received += chunk.length
        if (received <= limit) { chunks.push(chunk); return }
        on.stop()
        const kept = limit - (received - chunk.length)
        if (kept > 0) chunks.push(chunk.subarray(0, kept))
        done(carrying(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), Buffer.concat(chunks, limit), shortfall('too-large', declared, received, limit)))
      },
      end (): void {
        on.stop()
        const body = Buffer.concat(chunks, received)
        if (declared === undefined || Number.isNaN(declared) || received === declared) { done(null, body); return }
        done(carrying(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH(), body, shortfall('length-mismatch', declared, received)))
      },
      error (err: Carrier): void {
        on.stop()
        if (!(typeof err.statusCode === 'number' && err.statusCode >= 400)) err.statusCode = 400
        done(carrying(err, Buffer.concat(chunks, received), shortfall('ended', declared, received)))
      },
      stop (): void {
        payload.removeListener('data', on.data)
        payload.removeListener('end', on.end)
        payload.removeListener('error', on.error)
      },
    }
    payload.on('data', on.data)
    payload.on('end', on.end)
    payload.on('error', on.error)
    payload.resume()
  }
}

function carrying (err: Carrier, body: Buffer, truncated: BodyTruncation): Carrier {
  err[PARTIAL] = { body, truncated }
  return err
}

function shortfall (cause: BodyTruncation['cause'], declared: number | undefined, received: number, limit?: number): BodyTruncation {
  const t: BodyTruncation = { cause, receivedBytes: received }
  if (declared !== undefined && !Number.isNaN(declared)) t.declaredBytes = declared
  if (limit !== undefined) t.limitBytes = limit
  return t
}
