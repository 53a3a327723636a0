import { app } from 'electron'
import type { AppContext } from '../app-context'
import { QUICK_PROMPT_FLAG } from '../hotkeys/desktop-bindings'
import { GlobalHotkey, followHotkeySetting } from '../hotkeys/global-hotkey'
import { hotkeyStatus } from '../hotkeys/hotkey-status'
import { QuickPromptWindow } from './quick-prompt-window'

/** The popup and the hotkey that summons it, as the tray sees them. */
export interface QuickPrompt {
  popup: QuickPromptWindow
  /** the registered accelerator, null when none is (failed or unset) */
  accelerator(): string | null
}

/**
 * Pre-creates the hidden popup and binds its global hotkey, following the
 * setting. A hotkey that cannot be registered becomes a notice (pushed to open
 * windows, and kept in the settings notices for a main window still loading)
 * and shows as unregistered in Settings. `hark --quick-prompt` (a second
 * instance's argv, or this one's) toggles it too, for desktops whose own
 * keyboard settings bind the key.
 */
export function installQuickPrompt(ctx: AppContext): QuickPrompt {
  const popup = new QuickPromptWindow(ctx)
  // HARK_QUICK_PREWARM=0 creates it on first use instead: the bench's baseline.
  if (process.env['HARK_QUICK_PREWARM'] !== '0') popup.warm()

  let starting = true
  const notify = (message: string): void => {
    console.warn(`[hark] ${message}`)
    if (starting) ctx.settings.notices.push(message)
    ctx.registry.broadcast('app.notice', { level: 'warning', message })
  }
  const hotkey = new GlobalHotkey('quick prompt', () => popup.toggle(Date.now()), notify)
  const stop = followHotkeySetting(
    hotkey,
    ctx.settings,
    (s) => s.hotkeys.quickPrompt,
    (binding) => hotkeyStatus.report({ action: 'quickPrompt', ...binding })
  )
  starting = false
  const onSecondInstance = (_e: unknown, argv: string[]): void => {
    if (argv.includes(QUICK_PROMPT_FLAG)) popup.toggle(Date.now())
  }
  app.on('second-instance', onSecondInstance)
  if (process.argv.includes(QUICK_PROMPT_FLAG)) setImmediate(() => popup.show(Date.now()))
  ctx.onQuit(() => {
    app.off('second-instance', onSecondInstance)
    stop()
  })
  return { popup, accelerator: () => hotkey.accelerator }
}
