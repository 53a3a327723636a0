import { describe, expect, it, vi } from 'vitest'
import type { MenuItem, MenuItemConstructorOptions } from 'electron'
import { trayMenuTemplate, type TrayMenuActions, type TrayMenuModel } from '../../../../src/main/app/tray/tray-menu'

function actions(): TrayMenuActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    quickPrompt: vi.fn(),
    pushToTalk: vi.fn(),
    talk: vi.fn(),
    stopSpeaking: vi.fn(),
    setMuted: vi.fn(),
    openHark: vi.fn(),
    openSettings: vi.fn(),
    quit: vi.fn()
  }
}

const model: TrayMenuModel = {
  quickAccelerator: 'CommandOrControl+Shift+K',
  muted: false,
  listening: false,
  talking: false
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label)
  if (!found) throw new Error(`no menu item ${label}`)
  return found
}

function click(entry: MenuItemConstructorOptions, checked = false): void {
  entry.click?.({ checked } as MenuItem, undefined, {} as KeyboardEvent as never)
}

describe('tray menu', () => {
  it('lists every action in the documented order', () => {
    const labels = trayMenuTemplate(model, actions())
      .filter((i) => i.type !== 'separator')
      .map((i) => i.label)
    expect(labels).toEqual([
      'Quick prompt…',
      'Push to talk',
      'Talk mode',
      'Stop speaking',
      'Mute voice',
      'Open Hark',
      'Settings',
      'Quit'
    ])
  })

  it('shows the quick-prompt hotkey without registering it as a menu shortcut', () => {
    const quick = item(trayMenuTemplate(model, actions()), 'Quick prompt…')
    expect(quick.accelerator).toBe('CommandOrControl+Shift+K')
    expect(quick.registerAccelerator).toBe(false)
  })

  it('shows no hotkey when none is registered', () => {
    const quick = item(trayMenuTemplate({ ...model, quickAccelerator: null }, actions()), 'Quick prompt…')
    expect(quick.accelerator).toBeUndefined()
  })

  it('reflects mute, listening and Talk mode as checkboxes', () => {
    const items = trayMenuTemplate({ ...model, muted: true, listening: true, talking: true }, actions())
    expect(item(items, 'Mute voice')).toMatchObject({ type: 'checkbox', checked: true })
    expect(item(items, 'Push to talk')).toMatchObject({ type: 'checkbox', checked: true })
    expect(item(items, 'Talk mode')).toMatchObject({ type: 'checkbox', checked: true })
  })

  it('routes each item to its action', () => {
    const a = actions()
    const items = trayMenuTemplate(model, a)
    const expected: Array<[string, keyof TrayMenuActions]> = [
      ['Quick prompt…', 'quickPrompt'],
      ['Push to talk', 'pushToTalk'],
      ['Talk mode', 'talk'],
      ['Stop speaking', 'stopSpeaking'],
      ['Open Hark', 'openHark'],
      ['Settings', 'openSettings'],
      ['Quit', 'quit']
    ]
    for (const [label, action] of expected) {
      click(item(items, label))
      expect(a[action], label).toHaveBeenCalledTimes(1)
    }
  })

  it('passes the checkbox state the click produced to setMuted', () => {
    const a = actions()
    click(item(trayMenuTemplate(model, a), 'Mute voice'), true)
    expect(a.setMuted).toHaveBeenCalledWith(true)
  })
})
