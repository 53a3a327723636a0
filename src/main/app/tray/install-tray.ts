import { app, Menu, nativeImage, Tray } from 'electron'
import type { Settings } from '@shared/settings'
import type { AppContext } from '../app-context'
import type { QuickPrompt } from '../quick-prompt/install-quick-prompt'
import { navigateMainWindow } from '../windows/main-window-navigation'
import { trayMenuTemplate, type TrayMenuActions } from './tray-menu'
import { resourceDir } from '../platform/resource-dir'
import { trayIconFile, trayTooltips } from './tray-icons'
import { trayStateOf, type TrayState } from './tray-state'

let liveTray: Tray | null = null

const iconFile = (state: TrayState): string => trayIconFile(state, process.platform, resourceDir())

/**
 * Whether Hark may wait in the tray (closing its window, starting at login)
 * and be brought back from there. Electron cannot tell whether a Linux
 * desktop shows tray icons: `new Tray` succeeds on stock GNOME, which shows
 * none. So on Linux only the user can say, in Settings.
 */
export function trayCanBringHarkBack(settings: Settings, platform: NodeJS.Platform = process.platform): boolean {
  const alive = !!liveTray && !liveTray.isDestroyed()
  return alive && (platform !== 'linux' || settings.keepRunningInTray)
}

/**
 * Hark's tray icon and menu. The icon follows the voice hub (idle, listening,
 * speaking); the menu is rebuilt only when what it shows changes (Linux
 * AppIndicators pick up changes only through a new setContextMenu, and a new
 * menu closes one the user has open), never for speaking, which it does not show.
 */
export function installTray(ctx: AppContext, quick: QuickPrompt): Tray | null {
  let tray: Tray
  try {
    tray = new Tray(nativeImage.createFromPath(iconFile('idle')))
  } catch (err) {
    // No tray on this desktop: Hark still works from its window and hotkeys.
    console.warn('[hark] no system tray:', err)
    return null
  }
  liveTray = tray
  let shown: TrayState | null = null
  let shownMenu = ''

  const refresh = (): void => {
    if (tray.isDestroyed()) return
    const { listening, speaking } = ctx.voice
    const state = trayStateOf({ listening, speaking })
    if (state !== shown) {
      tray.setImage(nativeImage.createFromPath(iconFile(state)))
      tray.setToolTip(trayTooltips[state])
      shown = state
    }
    const model = { quickAccelerator: quick.accelerator(), muted: ctx.settings.get().speech.muted, listening }
    if (JSON.stringify(model) === shownMenu) return
    shownMenu = JSON.stringify(model)
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(model, trayActions(ctx, quick))))
  }

  quick.popup.trayBounds = () => (process.platform === 'linux' || tray.isDestroyed() ? null : tray.getBounds())
  // Windows users expect a click on the icon to do something; macOS opens the menu itself.
  if (process.platform === 'win32') tray.on('click', () => quick.popup.show())

  const unsubscribe = [ctx.voice.onActivity(refresh), ctx.settings.onChange(refresh)]
  refresh()
  ctx.onQuit(() => {
    unsubscribe.forEach((u) => u())
    if (!tray.isDestroyed()) tray.destroy()
    liveTray = null
  })
  return tray
}

function trayActions(ctx: AppContext, quick: QuickPrompt): TrayMenuActions {
  const notice = (message: string): void => ctx.registry.broadcast('app.notice', { level: 'info', message })
  return {
    quickPrompt: () => quick.popup.show(),
    pushToTalk: () => {
      if (!ctx.voice.toggle()) notice('Push to talk is not available.')
    },
    stopSpeaking: () => {
      ctx.turns.stop()
      ctx.speech.stop()
      ctx.voice.silence()
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
