import type { MenuItemConstructorOptions } from 'electron'

/** What the menu shows. */
export interface TrayMenuModel {
  /** the quick-prompt hotkey, when one is registered */
  quickAccelerator: string | null
  muted: boolean
  listening: boolean
  talking: boolean
}

export interface TrayMenuActions {
  quickPrompt(): void
  pushToTalk(): void
  talk(): void
  stopSpeaking(): void
  setMuted(muted: boolean): void
  openHark(): void
  openSettings(): void
  quit(): void
}

/**
 * The tray's menu. On Linux (AppIndicator) this menu is the only way in: a
 * click on the icon is never delivered, so every action lives here.
 */
export function trayMenuTemplate(model: TrayMenuModel, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Quick prompt…',
      // Shown, not registered: the global shortcut is bound elsewhere.
      ...(model.quickAccelerator ? { accelerator: model.quickAccelerator, registerAccelerator: false } : {}),
      click: () => actions.quickPrompt()
    },
    { label: 'Push to talk', type: 'checkbox', checked: model.listening, click: () => actions.pushToTalk() },
    { label: 'Talk mode', type: 'checkbox', checked: model.talking, click: () => actions.talk() },
    // Always enabled: it also stops an answer still streaming towards the voice.
    { label: 'Stop speaking', click: () => actions.stopSpeaking() },
    { label: 'Mute voice', type: 'checkbox', checked: model.muted, click: (item) => actions.setMuted(item.checked) },
    { type: 'separator' },
    { label: 'Open Hark', click: () => actions.openHark() },
    { label: 'Settings', click: () => actions.openSettings() },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() }
  ]
}
