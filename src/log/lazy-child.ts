import type { FastifyBaseLogger } from 'fastify'

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
type Bindings = Parameters<FastifyBaseLogger['child']>[0]
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1]

/**
 * Fastify's per-request logger (`req.log`), made on first use. Why: Fastify builds a pino child
 * with the request id for every request, and with redaction configured pino copies the bindings
 * through the redactor at once: about 2% of a delivery's CPU in `--cpu-prof`. A delivery that
 * goes well logs nothing through `req.log` (its one line is written by deliveryLog), so most
 * requests never need the child; a request that logs gets the same child, with its reqId.
 */
class LazyChild {
  private real: FastifyBaseLogger | undefined
  private readonly parent: FastifyBaseLogger
  private readonly bindings: Bindings
  private readonly opts: ChildOptions
  constructor (parent: FastifyBaseLogger, bindings: Bindings, opts: ChildOptions) {
    this.parent = parent
    this.bindings = bindings
    this.opts = opts
  }
  private get logger (): FastifyBaseLogger { return (this.real ??= this.parent.child(this.bindings, this.opts)) }
  get level (): string { return this.logger.level }
  set level (l: string) { this.logger.level = l }
  fatal (...a: unknown[]) { this.log('fatal', a) }
  error (...a: unknown[]) { this.log('error', a) }
  warn (...a: unknown[]) { this.log('warn', a) }
  info (...a: unknown[]) { this.log('info', a) }
  debug (...a: unknown[]) { this.log('debug', a) }
  trace (...a: unknown[]) { this.log('trace', a) }
  silent (...a: unknown[]) { this.log('silent', a) }
  child (b: Bindings, o?: ChildOptions): FastifyBaseLogger { return this.logger.child(b, o) }
  private log (level: Level, args: unknown[]): void {
    (this.logger[level] as (...x: unknown[]) => void).apply(this.logger, args)
  }
}

/** For Fastify's `childLoggerFactory` option. */
export function lazyChildLogger (logger: FastifyBaseLogger, bindings: Bindings, opts: ChildOptions): FastifyBaseLogger {
  return new LazyChild(logger, bindings, opts) as unknown as FastifyBaseLogger
}
