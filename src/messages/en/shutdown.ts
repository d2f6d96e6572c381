/** Graceful shutdown status lines and the session summary (src/cli/shutdown.ts). */
export const shutdown = {
  SHUTDOWN_CAUSE_LAUNCHER: 'the npm script that started this receiver has ended',
  SHUTDOWN_CAUSE_FATAL: 'fatal error',
  SHUTDOWN_CAUSE_SIGNAL: '{signal} received',
  SHUTDOWN_BEGIN: '{cause}: no new connections; finishing in-flight deliveries and flushing captures (Ctrl-C again after a second to force the exit)',
  SHUTDOWN_TIMEOUT: 'shutdown did not finish within {ms} ms (a slow disk or a delivery still being processed): exiting (exit 1)',
  SHUTDOWN_ERROR: 'shutdown error: {message} (exit 1)',
  SHUTDOWN_DUPLICATE: '{signal} again after {ms} ms: the same request delivered twice (npm, the shell and the process group each pass it on); still closing gracefully',
  SHUTDOWN_SIGTERM_AGAIN: 'SIGTERM again: already closing gracefully; Ctrl-C (SIGINT) forces the exit',
  SHUTDOWN_SECOND_CTRL_C: 'second Ctrl-C: exiting now (exit 1); deliveries still in flight get no answer, WeChat will retry them',
  SHUTDOWN_FATAL: 'fatal: {message}',
  SESSION_NONE: 'session: no deliveries received',
  SESSION_ONE: 'session: {total} delivery received ({parts})',
  SESSION_MANY: 'session: {total} deliveries received ({parts})',
  SESSION_PART: '{n} answered errcode {code}',
} as const
