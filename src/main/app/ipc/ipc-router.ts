import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import {
  contracts,
  routes,
  subjects,
  type RouteName,
  type RouteOutput,
  type RouteParsedInput,
  type RoutesOf,
  type Subject
} from '@shared/ipc/contract'
import type { RouteResult } from '@shared/ipc/route'
import { mayCall } from '@shared/ipc/page-access'
import type { PageName } from '../windows/renderer-location'
import { UserFacingError } from './user-facing-error'

/** Who called a route: one of Hark's own windows, and which page it shows. */
export interface Caller {
  window: BrowserWindow
  page: PageName
}

export type RouteHandler<K extends RouteName> = (
  input: RouteParsedInput<K>,
  caller: Caller
) => Promise<RouteOutput<K>> | RouteOutput<K>

/** One subject's handlers, exhaustive: the compiler refuses a map that misses one of its routes. */
export type SubjectHandlers<S extends Subject> = { [K in RoutesOf<S>]: RouteHandler<K> }

/** Every subject's handlers, keyed by subject as the contract is. */
export type RouteHandlers = { [S in Subject]: SubjectHandlers<S> }

/**
 * Registers every route. Each call is checked for its sender (`callerOf` is
 * null for anything but our own page in our own window) and whether that page
 * may call the route (page-access.ts), then its input is validated; failures
 * come back as `{ ok: false }`, never as a thrown IPC error, so the renderer
 * sees one clean message and main never logs an unhandled error.
 */
export function registerRoutes(
  ipcMain: IpcMain,
  handlers: RouteHandlers,
  callerOf: (event: IpcMainInvokeEvent) => Caller | null,
  log: (message: string) => void = console.warn
): () => void {
  const names: RouteName[] = []
  for (const subject of subjects) {
    const own = handlers[subject] as Record<string, RouteHandler<RouteName>>
    for (const name of Object.keys(contracts[subject].routes) as RouteName[]) {
      ipcMain.handle(name, (event, raw) => dispatch(name, raw, event, own[name]!, callerOf, log))
      names.push(name)
    }
  }
  return () => names.forEach((name) => ipcMain.removeHandler(name))
}

async function dispatch<K extends RouteName>(
  name: K,
  raw: unknown,
  event: IpcMainInvokeEvent,
  handler: RouteHandler<K>,
  callerOf: (event: IpcMainInvokeEvent) => Caller | null,
  log: (message: string) => void
): Promise<RouteResult<RouteOutput<K>>> {
  const caller = callerOf(event)
  if (!caller) {
    log(`Refused IPC '${name}' from an untrusted sender (${event.senderFrame?.url ?? 'unknown frame'})`)
    return { ok: false, error: { message: 'Refused: untrusted sender.', code: 'untrusted-sender' } }
  }
  if (!mayCall(caller.page, name)) {
    log(`Refused IPC '${name}' from the ${caller.page} page, which may not call it`)
    return { ok: false, error: { message: `Refused: this window may not call ${name}.`, code: 'forbidden' } }
  }
  const parsed = routes[name].input.safeParse(raw)
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => i.message).join('; ')
    return { ok: false, error: { message: `Invalid request: ${message}`, code: 'invalid-input' } }
  }
  try {
    const value = await handler(parsed.data as RouteParsedInput<K>, caller)
    return { ok: true, value }
  } catch (err) {
    if (err instanceof UserFacingError) return { ok: false, error: { message: err.message, code: err.code } }
    log(`IPC '${name}' failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    return { ok: false, error: { message: 'Something went wrong in Hark. The details were logged.', code: 'internal' } }
  }
}
