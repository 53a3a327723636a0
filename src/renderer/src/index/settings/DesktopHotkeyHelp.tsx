import { useEffect, useState } from 'react'
import type { DesktopHotkeyCommands } from '@shared/ipc/settings'

/**
 * On Wayland the desktop may accept Hark's hotkeys and never deliver them:
 * the words to bind Hark's own commands in the desktop's keyboard settings,
 * shown before anything fails.
 */
export function DesktopHotkeyHelp(): React.JSX.Element | null {
  const [commands, setCommands] = useState<DesktopHotkeyCommands | null>(null)
  useEffect(() => {
    void window.hark.invoke('hotkeys.commands', {}).then(setCommands, () => setCommands(null))
  }, [])
  if (!commands?.bindInDesktop) return null
  return (
    <div className="hint desktop-hotkeys" data-testid="wayland-hotkey-help">
      <p>
        On Wayland the desktop decides whether these hotkeys reach Hark, and may not tell it. To be sure, bind keys
        yourself: in GNOME open Settings → Keyboard → Keyboard Shortcuts → View and Customize Shortcuts → Custom
        Shortcuts, add a shortcut for each command below and press the keys you want (other desktops have the same under
        their keyboard settings).
      </p>
      <dl>
        <dt>Push to talk</dt>
        <dd>
          <code data-testid="wayland-command-push-to-talk">{commands.pushToTalk}</code>
        </dd>
        <dt>Quick prompt</dt>
        <dd>
          <code data-testid="wayland-command-quick-prompt">{commands.quickPrompt}</code>
        </dd>
      </dl>
    </div>
  )
}
