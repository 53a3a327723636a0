import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { routeNames, type RouteName } from '@shared/ipc/channels'
import { routes, type RouteOutput, type RouteParsedInput } from '@shared/ipc/contract'
import type { RouteResult } from '@shared/ipc/route'

export type RouteHandler<K extends RouteName> = (
  input: RouteParsedInput<K>,
  event: IpcMainInvokeEvent
) => Promise<RouteOutput<K>> | RouteOutput<K>

/** Exhaustive: the compiler refuses a map that misses a route. */
export type RouteHandlers = { [K in RouteName]: RouteHandler<K> }

/** A domain's share of the handlers, e.g. `HandlersOf<'turn.ask' | 'turn.stop'>`. */
export type HandlersOf<K extends RouteName> = { [P in K]: RouteHandler<P> }

export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message)
  }
}

/**
 * Registers every route. Each call is checked for its sender, then its input is
 * validated; failures come back as `{ ok: false }`, never as a thrown IPC error,
 * so the renderer sees one clean message and main never logs an unhandled error.
 */
export function registerRoutes(
  ipcMain: IpcMain,
  handlers: RouteHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  log: (message: string) => void = console.warn
): () => void {
  for (const name of routeNames) {
    ipcMain.handle(name, (event, raw) => dispatch(name, raw, event, handlers, isTrustedSender, log))
  }
  return () => routeNames.forEach((name) => ipcMain.removeHandler(name))
}

async function dispatch<K extends RouteName>(
  name: K,
  raw: unknown,
  event: IpcMainInvokeEvent,
  handlers: RouteHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  log: (message: string) => void
): Promise<RouteResult<RouteOutput<K>>> {
  if (!isTrustedSender(event)) {
    log(`Refused IPC '${name}' from an untrusted sender (${event.senderFrame?.url ?? 'unknown frame'})`)
    return { ok: false, error: { message: 'Refused: untrusted sender.', code: 'untrusted-sender' } }
  }
  const parsed = routes[name].input.safeParse(raw)
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => i.message).join('; ')
    return { ok: false, error: { message: `Invalid request: ${message}`, code: 'invalid-input' } }
  }
  try {
    const handler = handlers[name] as RouteHandler<K>
    const value = await handler(parsed.data as RouteParsedInput<K>, event)
    return { ok: true, value }
  } catch (err) {
    if (err instanceof UserFacingError) return { ok: false, error: { message: err.message, code: err.code } }
    log(`IPC '${name}' failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    return { ok: false, error: { message: 'Something went wrong in Hark. The details were logged.', code: 'internal' } }
  }
}
