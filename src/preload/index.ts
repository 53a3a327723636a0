import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { EventName, RouteName } from '@shared/ipc/contract'
import type { RouteResult } from '@shared/ipc/route'
import type { HarkBridge } from '@shared/ipc/bridge'

/**
 * The only door between page and main: allow-listed channels, one unwrapped
 * result type, and listeners that never leak the IpcRendererEvent (it carries
 * `sender`, which would hand the page raw ipcRenderer).
 */

/** Every route and event name of src/shared/ipc/contract.ts, put in by electron.vite.config.ts. */
declare const __HARK_CHANNELS__: { routes: RouteName[]; events: EventName[] }

const allowedRoutes = new Set<string>(__HARK_CHANNELS__.routes)
const allowedEvents = new Set<string>(__HARK_CHANNELS__.events)

async function invoke(route: RouteName, input: unknown): Promise<unknown> {
  if (!allowedRoutes.has(route)) throw new Error(`Unknown route: ${String(route)}`)
  const result = (await ipcRenderer.invoke(route, input)) as RouteResult<unknown>
  if (result.ok) return result.value
  const error = new Error(result.error.message)
  if (result.error.code) error.name = result.error.code
  throw error
}

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!allowedEvents.has(event)) throw new Error(`Unknown event: ${String(event)}`)
  const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload)
  ipcRenderer.on(event, wrapped)
  return () => {
    ipcRenderer.removeListener(event, wrapped)
  }
}

const bridge = { invoke, on } as unknown as HarkBridge

contextBridge.exposeInMainWorld('hark', bridge)
