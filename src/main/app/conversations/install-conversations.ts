import type { AppContext } from '../app-context'
import { hotkeyStatus } from '../hotkeys/hotkey-status'

/** Tells every window when conversations or hotkey registrations change or a save fails; saves pending text on quit. */
export function installConversations(ctx: AppContext): void {
  const offChange = ctx.history.onChange((e) => ctx.registry.broadcast('conversations.changed', e))
  const offHotkeys = hotkeyStatus.onChange((all) => ctx.registry.broadcast('hotkeys.status', all))
  const offSaveFailed = ctx.history.onSaveFailed((message) =>
    ctx.registry.broadcast('app.notice', { level: 'error', message })
  )
  ctx.onQuit(() => {
    offSaveFailed()
    offChange()
    offHotkeys()
    ctx.history.flushAll()
  })
}
