import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'
import { UserFacingError } from '../user-facing-error'
import { keyUrlFor } from '../../provider/provider-config'
import { hotkeyStatus } from '../../hotkeys/hotkey-status'
import { desktopHotkeyCommands } from '../../hotkeys/desktop-bindings'

export function settingsHandlers({
  settings,
  keys
}: Pick<AppContext, 'settings' | 'keys'>): SubjectHandlers<'settings'> {
  return {
    'settings.get': () => ({ settings: settings.get(), notices: [...settings.notices] }),
    'settings.set': (patch) => {
      try {
        return settings.update(patch)
      } catch (err) {
        throw new UserFacingError(err instanceof Error ? err.message : String(err), 'invalid-settings')
      }
    },
    'keys.status': ({ provider }) => keys.status(provider),
    'keys.set': ({ provider, key, allowPlainText }) =>
      keys.set(provider, key, allowPlainText, keyUrlFor(settings.get(), provider)),
    'keys.clear': ({ provider }) => keys.clear(provider),
    'hotkeys.status': () => hotkeyStatus.all(),
    'hotkeys.commands': () => desktopHotkeyCommands()
  }
}
