import { describe, expect, it } from 'vitest'
import type { BrowserWindow } from 'electron'
import { WindowRegistry } from '../../../../src/main/app/windows/window-registry'
import { batchTurnEvents } from '../../../../src/main/engine/turn-event-batcher'

function fakeWindow(sent: Array<[string, unknown]>): BrowserWindow {
  return {
    on: () => undefined,
    isDestroyed: () => false,
    webContents: { id: 1, send: (channel: string, payload: unknown) => sent.push([channel, payload]) }
  } as unknown as BrowserWindow
}

describe('WindowRegistry', () => {
  it('delivers pending turn events before any event sent after them', () => {
    const sent: Array<[string, unknown]> = []
    const registry = new WindowRegistry()
    registry.add(fakeWindow(sent), 'index')
    const publish = registry.sendTurnEventsThrough(
      batchTurnEvents((batch) => registry.broadcast('turn.events', batch), 10_000)
    )
    publish({ type: 'delta', turnId: 't', text: 'The last words.' })
    publish({
      type: 'error',
      turnId: 't',
      kind: 'aborted',
      message: 'Stopped.',
      retryable: true,
      partialText: 'The last words.'
    })
    registry.broadcast('app.notice', { level: 'info', message: 'after the turn' })
    expect(sent.map(([channel]) => channel)).toEqual(['turn.events', 'app.notice'])
    expect((sent[0]![1] as unknown[]).length).toBe(2)
  })
})
