import { describe, expect, it } from 'vitest'
import { VoiceStore } from '../../../../src/renderer/src/index/state/voice-store'
import type { HarkBridge } from '../../../../src/shared/ipc/bridge'

/** A bridge that records each route called; settings.set waits on a disk that never answers. */
function slowDiskBridge() {
  const calls: Array<[string, unknown]> = []
  const invoke = (route: string, input: unknown) => {
    calls.push([route, input])
    return route === 'settings.set' ? new Promise(() => {}) : Promise.resolve(undefined)
  }
  return { bridge: { invoke, on: () => () => {} } as unknown as HarkBridge, calls }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('the window voice store', () => {
  it('mutes the voice before the setting is saved, so a slow disk does not delay the silence', async () => {
    const { bridge, calls } = slowDiskBridge()
    const store = new VoiceStore(bridge)
    void store.setMuted(true)
    await tick()
    expect(calls).toEqual([
      ['speech.setMuted', { muted: true }],
      ['settings.set', { speech: { muted: true } }]
    ])
    expect(store.getSnapshot()).toMatchObject({ muted: true, speechOn: false })
  })

  it('unmutes the same way: the voice first, then the remembered setting', async () => {
    const { bridge, calls } = slowDiskBridge()
    void new VoiceStore(bridge).setMuted(false)
    await tick()
    expect(calls.map(([route]) => route)).toEqual(['speech.setMuted', 'settings.set'])
  })
})
