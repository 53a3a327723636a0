import type { DesktopHotkeyCommands } from '@shared/ipc/settings'
import { appCommand, commandLine } from '../platform/app-command'
import { desktopSession } from '../platform/desktop-session'

/** The flags that make a running Hark act as if a hotkey was pressed (a new instance hands them over). */
export const TOGGLE_TALK_FLAG = '--toggle-talk'
export const QUICK_PROMPT_FLAG = '--quick-prompt'

/**
 * The commands to bind to keys in the desktop's own keyboard settings. On
 * Wayland global shortcuts go through the desktop portal, which may accept
 * them and never deliver a key press (no app identity, or a desktop that
 * refuses without telling the app), so Settings shows these up front there.
 */
export function desktopHotkeyCommands(): DesktopHotkeyCommands {
  return {
    bindInDesktop: desktopSession().wayland,
    pushToTalk: commandLine(appCommand([TOGGLE_TALK_FLAG])),
    quickPrompt: commandLine(appCommand([QUICK_PROMPT_FLAG]))
  }
}
