import { describe, expect, it, vi } from 'vitest'
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import {
  registerRoutes,
  type Caller,
  type RouteHandler,
  type RouteHandlers
} from '../../../../src/main/app/ipc/ipc-router'
import { UserFacingError } from '../../../../src/main/app/ipc/user-facing-error'
import { contracts, routeNames, subjects, type RouteName } from '../../../../src/shared/ipc/contract'

type Invoke = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>

function fakeIpcMain() {
  const handlers = new Map<string, Invoke>()
  const ipc = {
    handle: (name: string, fn: Invoke) => handlers.set(name, fn),
    removeHandler: (name: string) => handlers.delete(name)
  } as unknown as IpcMain
  return { ipc, handlers }
}

const event = (url = 'file:///app/out/renderer/index.html') =>
  ({ sender: { id: 1 }, senderFrame: { url } }) as unknown as IpcMainInvokeEvent

const mainWindow: Caller = { window: { id: 7 } as unknown as BrowserWindow, page: 'index' }
const trusted = (): Caller => mainWindow

/** Every route failing as unused, except `overrides`, arranged by subject as the router takes them. */
function handlers(overrides: { [K in RouteName]?: RouteHandler<K> } = {}): RouteHandlers {
  const fail = () => {
    throw new Error('not used in this test')
  }
  const bySubject = subjects.map((s) => [
    s,
    Object.fromEntries(Object.keys(contracts[s].routes).map((n) => [n, overrides[n as RouteName] ?? fail]))
  ])
  return Object.fromEntries(bySubject) as RouteHandlers
}

describe('registerRoutes', () => {
  it('registers a handler for every declared route', () => {
    const { ipc, handlers: registered } = fakeIpcMain()
    registerRoutes(ipc, handlers(), trusted)
    expect([...registered.keys()].sort()).toEqual([...routeNames].sort())
  })

  it('validates input before the handler runs and explains what is wrong', async () => {
    const ask = vi.fn()
    const { ipc, handlers: registered } = fakeIpcMain()
    registerRoutes(ipc, handlers({ 'turn.ask': ask }), trusted)
    const result = await registered.get('turn.ask')!(event(), { prompt: '   ' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect((result as { error: { message: string } }).error.message).toContain('Type a question first.')
    expect(ask).not.toHaveBeenCalled()
  })

  it('refuses calls from an untrusted sender without running the handler', async () => {
    const ask = vi.fn()
    const { ipc, handlers: registered } = fakeIpcMain()
    registerRoutes(
      ipc,
      handlers({ 'turn.ask': ask }),
      (e) => (e.senderFrame?.url.startsWith('file:///app/') ? mainWindow : null),
      () => {}
    )
    const result = await registered.get('turn.ask')!(event('https://evil.example/'), { prompt: 'hi' })
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    expect(ask).not.toHaveBeenCalled()
  })

  it('passes parsed input with defaults applied and wraps the value', async () => {
    const { ipc, handlers: registered } = fakeIpcMain()
    registerRoutes(
      ipc,
      handlers({ 'keys.set': (input) => ({ stored: input.allowPlainText, backend: 'keychain' }) }),
      trusted
    )
    await expect(registered.get('keys.set')!(event(), { provider: 'openai', key: ' k ' })).resolves.toEqual({
      ok: true,
      value: { stored: false, backend: 'keychain' }
    })
  })

  it('tells the handler which window asked, not the raw IPC event', async () => {
    const hide = vi.fn()
    const { ipc, handlers: registered } = fakeIpcMain()
    registerRoutes(ipc, handlers({ 'quick.hide': (_input, caller) => hide(caller) }), trusted)
    await registered.get('quick.hide')!(event(), {})
    expect(hide).toHaveBeenCalledWith(mainWindow)
  })

  it('shows user-facing errors as they are and hides internal ones behind a generic message', async () => {
    const log = vi.fn()
    const { ipc, handlers: registered } = fakeIpcMain()
    registerRoutes(
      ipc,
      handlers({
        'keys.status': () => {
          throw new UserFacingError('No keyring.', 'no-keyring')
        },
        'app.info': () => {
          throw new Error('secret internals')
        }
      }),
      trusted,
      log
    )
    await expect(registered.get('keys.status')!(event(), { provider: 'openai' })).resolves.toEqual({
      ok: false,
      error: { message: 'No keyring.', code: 'no-keyring' }
    })
    const internal = (await registered.get('app.info')!(event(), {})) as { error: { message: string } }
    expect(internal.error.message).not.toContain('secret')
    expect(log).toHaveBeenCalledWith(expect.stringContaining('secret internals'))
  })
})
