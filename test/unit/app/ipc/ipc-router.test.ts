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
const popup: Caller = { window: { id: 8 } as unknown as BrowserWindow, page: 'quick' }
const indicator: Caller = { window: { id: 9 } as unknown as BrowserWindow, page: 'indicator' }

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
    registerRoutes(ipc, handlers({ 'quick.hide': (_input, caller) => hide(caller) }), () => popup)
    await registered.get('quick.hide')!(event(), {})
    expect(hide).toHaveBeenCalledWith(popup)
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

  it.each([
    ['the popup', popup, 'settings.set', { theme: 'dark' }],
    ['the popup', popup, 'keys.set', { provider: 'openai', key: 'k' }],
    ['the indicator', indicator, 'settings.set', { theme: 'dark' }],
    ['the indicator', indicator, 'keys.clear', { provider: 'openai' }],
    ['the indicator', indicator, 'turn.ask', { prompt: 'hi' }]
  ] as const)('refuses %s calling %s, without running the handler', async (_who, caller, route, input) => {
    const handler = vi.fn()
    const { ipc, handlers: registered } = fakeIpcMain()
    registerRoutes(
      ipc,
      handlers({ [route]: handler }),
      () => caller,
      () => {}
    )
    const result = await registered.get(route)!(event(), input)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining(route) } })
    expect(handler).not.toHaveBeenCalled()
  })

  it('lets each page call the routes it uses', async () => {
    const { ipc, handlers: registered } = fakeIpcMain()
    const ok = () => undefined
    registerRoutes(ipc, handlers({ 'voice.toggle': ok, 'quick.ask': ok, 'settings.get': ok } as never), (e) =>
      e.sender.id === 9 ? indicator : e.sender.id === 8 ? popup : mainWindow
    )
    const from = (id: number) =>
      ({ sender: { id }, senderFrame: { url: 'file:///app/' } }) as unknown as IpcMainInvokeEvent
    await expect(registered.get('voice.toggle')!(from(9), {})).resolves.toMatchObject({ ok: true })
    await expect(registered.get('quick.ask')!(from(8), { prompt: 'hi' })).resolves.toMatchObject({ ok: true })
    await expect(registered.get('settings.get')!(from(1), {})).resolves.toMatchObject({ ok: true })
  })
})
