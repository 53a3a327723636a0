import { describe, expect, it, vi } from 'vitest'
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { registerRoutes, UserFacingError, type RouteHandlers } from '../../../../src/main/app/ipc/ipc-router'
import { routeNames } from '../../../../src/shared/ipc/channels'

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

function handlers(overrides: Partial<RouteHandlers> = {}): RouteHandlers {
  const fail = () => {
    throw new Error('not used in this test')
  }
  const all = Object.fromEntries(routeNames.map((n) => [n, fail])) as unknown as RouteHandlers
  return { ...all, ...overrides }
}

describe('registerRoutes', () => {
  it('registers a handler for every declared route', () => {
    const { ipc, handlers: registered } = fakeIpcMain()
    registerRoutes(ipc, handlers(), () => true)
    expect([...registered.keys()].sort()).toEqual([...routeNames].sort())
  })

  it('validates input before the handler runs and explains what is wrong', async () => {
    const ask = vi.fn()
    const { ipc, handlers: registered } = fakeIpcMain()
    registerRoutes(ipc, handlers({ 'turn.ask': ask }), () => true)
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
      (e) => e.senderFrame?.url.startsWith('file:///app/') ?? false,
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
      handlers({ 'turn.ask': (input) => ({ turnId: input.source, conversationId: 'c' }) }),
      () => true
    )
    await expect(registered.get('turn.ask')!(event(), { prompt: 'hi' })).resolves.toEqual({
      ok: true,
      value: { turnId: 'main', conversationId: 'c' }
    })
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
      () => true,
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
