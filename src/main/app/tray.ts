import { app, Menu, nativeImage, Tray } from 'electron'
import type { AppContext } from './app-context'
import type { QuickPrompt } from './quick-prompt'
import { navigateMainWindow } from './app-navigation'
import { trayMenuTemplate, type TrayMenuActions } from './tray-menu'
import { resourceDir } from './resource-dir'
import { trayIconFile, trayTooltips } from './tray-icons'
import { SpeakingTracker, trayStateOf, type TrayState } from './tray-state'

/** Push-to-talk as the tray needs it; issue 6's module provides it. */
export interface VoiceInputPort {
  toggle(): void
  isListening(): boolean
  onListeningChange(listener: (listening: boolean) => void): () => void
}

let liveTray: Tray | null = null

const iconFile = (state: TrayState): string => trayIconFile(state, process.platform, resourceDir())

/** While the tray lives, closing the last window must not quit Hark. */
export function trayIsAlive(): boolean {
  return !!liveTray && !liveTray.isDestroyed()
}

/**
 * Hark's tray icon and menu. The icon follows the voice (idle, listening,
 * speaking); the menu is rebuilt whenever what it shows changes, because Linux
 * AppIndicators only pick up changes through a new setContextMenu.
 */
export function installTray(ctx: AppContext, quick: QuickPrompt, voice?: VoiceInputPort): Tray | null {
  let tray: Tray
  try {
    tray = new Tray(nativeImage.createFromPath(iconFile('idle')))
  } catch (err) {
    // No tray on this desktop: Hark still works from its window and hotkeys.
    console.warn('[hark] no system tray:', err)
    return null
  }
  liveTray = tray
  const speaking = new SpeakingTracker()
  let shown: TrayState = 'idle'

  const refresh = (): void => {
    if (tray.isDestroyed()) return
    const listening = voice?.isListening() ?? false
    const state = trayStateOf({ listening, speaking: speaking.speaking })
    if (state !== shown) {
      tray.setImage(nativeImage.createFromPath(iconFile(state)))
      shown = state
    }
    tray.setToolTip(trayTooltips[state])
    const model = { quickAccelerator: quick.accelerator(), muted: ctx.settings.get().speech.muted, listening }
    tray.setContextMenu(
      Menu.buildFromTemplate(trayMenuTemplate(model, trayActions(ctx, quick, voice, speaking, refresh)))
    )
  }

  quick.popup.trayBounds = () => (process.platform === 'linux' || tray.isDestroyed() ? null : tray.getBounds())
  // Windows users expect a click on the icon to do something; macOS opens the menu itself.
  if (process.platform === 'win32') tray.on('click', () => quick.popup.show())

  const unsubscribe = [
    ctx.speech.sink.onEvent((e) => {
      if (speaking.update(e)) refresh()
    }),
    ctx.settings.onChange(refresh),
    voice?.onListeningChange(refresh) ?? (() => {})
  ]
  refresh()
  ctx.onQuit(() => {
    unsubscribe.forEach((u) => u())
    if (!tray.isDestroyed()) tray.destroy()
    liveTray = null
  })
  return tray
}

function trayActions(
  ctx: AppContext,
  quick: QuickPrompt,
  voice: VoiceInputPort | undefined,
  speaking: SpeakingTracker,
  refresh: () => void
): TrayMenuActions {
  const notice = (message: string): void => ctx.registry.broadcast('app.notice', { level: 'info', message })
  return {
    quickPrompt: () => quick.popup.show(),
    pushToTalk: () => (voice ? voice.toggle() : notice('Push to talk is not available.')),
    stopSpeaking: () => {
      ctx.turns.stop()
      ctx.speech.stop()
      if (speaking.reset()) refresh()
    },
    setMuted: (muted) => {
      ctx.speech.setMuted(muted)
      try {
        ctx.settings.update({ speech: { muted } })
      } catch (err) {
        console.warn('[hark] could not save the mute setting:', err)
      }
    },
    openHark: () => void ctx.showMainWindow(),
    openSettings: () => navigateMainWindow(ctx.showMainWindow(), { view: 'settings' }),
    quit: () => {
      ctx.quitting.value = true
      app.quit()
    }
  }
}
