import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'

const shortcuts = vi.hoisted(() => ({
  taken: new Set<string>(),
  registered: new Set<string>(),
  attempts: [] as string[]
}))

vi.mock('electron', () => ({
  globalShortcut: {
    register: (accelerator: string) => {
      shortcuts.attempts.push(accelerator)
      if (accelerator === 'Nonsense+') throw new Error('conversion failed')
      if (shortcuts.taken.has(accelerator)) return false
      shortcuts.registered.add(accelerator)
      return true
    },
    unregister: (accelerator: string) => shortcuts.registered.delete(accelerator)
  }
}))

const { GlobalHotkey, followHotkeySetting } = await import('../../../../src/main/app/hotkeys/global-hotkey')

function settingsSource(initial: Settings = defaultSettings()) {
  let current = initial
  const listeners = new Set<(s: Settings) => void>()
  return {
    get: () => current,
    onChange: (l: (s: Settings) => void) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    change: (edit: (s: Settings) => Settings) => {
      current = edit(current)
      listeners.forEach((l) => l(current))
    }
  }
}

const withPtt = (accelerator: string) => (s: Settings) => ({ ...s, hotkeys: { ...s.hotkeys, pushToTalk: accelerator } })

describe('GlobalHotkey', () => {
  beforeEach(() => {
    shortcuts.taken.clear()
    shortcuts.registered.clear()
    shortcuts.attempts.length = 0
  })

  it('warns once about a taken hotkey, however often the other settings change', () => {
    shortcuts.taken.add('Alt+Space')
    const warnings: string[] = []
    const shown: Array<{ registered: boolean; error?: string }> = []
    const settings = settingsSource(withPtt('Alt+Space')(defaultSettings()))
    const hotkey = new GlobalHotkey(
      'push-to-talk',
      () => {},
      (m) => warnings.push(m)
    )
    followHotkeySetting(
      hotkey,
      settings,
      (s) => s.hotkeys.pushToTalk,
      (b) => shown.push(b)
    )

    settings.change((s) => ({ ...s, theme: 'dark' }))
    settings.change((s) => ({ ...s, theme: 'light' }))
    expect(shortcuts.attempts).toEqual(['Alt+Space'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('could not be registered')
    expect(shown).toEqual([{ accelerator: 'Alt+Space', registered: false, error: warnings[0] }])
  })

  it('binds again when that hotkey setting changes, and frees the old combination', () => {
    shortcuts.taken.add('Alt+Space')
    const warnings: string[] = []
    const shown: Array<{ accelerator: string; registered: boolean }> = []
    const settings = settingsSource(withPtt('Alt+Space')(defaultSettings()))
    const hotkey = new GlobalHotkey(
      'push-to-talk',
      () => {},
      (m) => warnings.push(m)
    )
    const stop = followHotkeySetting(
      hotkey,
      settings,
      (s) => s.hotkeys.pushToTalk,
      (b) => shown.push(b)
    )

    settings.change(withPtt('Ctrl+Alt+H'))
    expect(hotkey.accelerator).toBe('Ctrl+Alt+H')
    settings.change(withPtt(' Ctrl+Alt+H ')) // the same combination: nothing to do
    settings.change(withPtt('Ctrl+Alt+J'))
    expect([...shortcuts.registered]).toEqual(['Ctrl+Alt+J'])
    settings.change(withPtt('Alt+Space')) // asked for again after another: tried again
    expect(shortcuts.attempts).toEqual(['Alt+Space', 'Ctrl+Alt+H', 'Ctrl+Alt+J', 'Alt+Space'])
    expect(warnings).toHaveLength(2)
    expect(shown.map((b) => [b.accelerator, b.registered])).toEqual([
      ['Alt+Space', false],
      ['Ctrl+Alt+H', true],
      ['Ctrl+Alt+J', true],
      ['Alt+Space', false]
    ])
    stop()
    settings.change(withPtt('Ctrl+Alt+K'))
    expect(shortcuts.registered.size).toBe(0)
    expect(shortcuts.attempts).toHaveLength(4)
  })

  it('reports a malformed accelerator once, and an empty one as no hotkey without a warning', () => {
    const warnings: string[] = []
    const hotkey = new GlobalHotkey(
      'quick prompt',
      () => {},
      (m) => warnings.push(m)
    )
    expect(hotkey.bind('Nonsense+')).toMatchObject({
      registered: false,
      error: expect.stringContaining('not a valid shortcut')
    })
    hotkey.bind('Nonsense+')
    expect(warnings).toHaveLength(1)
    expect(hotkey.bind('')).toEqual({ accelerator: '', registered: false })
    expect(warnings).toHaveLength(1)
    expect(hotkey.accelerator).toBeNull()
  })
})
