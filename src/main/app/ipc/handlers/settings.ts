import { recorderSettings, type Settings } from '@shared/settings'
import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'
import { UserFacingError } from '../user-facing-error'
import { keyUrlFor } from '../../provider/provider-config'
import { hotkeyStatus } from '../../hotkeys/hotkey-status'
import { desktopHotkeyCommands } from '../../hotkeys/desktop-bindings'
import { chooseRecorder, type RecorderSetting } from '../../../engine/voice/recorder-binary'
import { isListedDevice, listRecorderDevices } from '../../../engine/voice/recorder-devices'

export function settingsHandlers({
  settings,
  keys
}: Pick<AppContext, 'settings' | 'keys'>): SubjectHandlers<'settings'> {
  const devicesFor = (recorder: RecorderSetting): Promise<string[]> => listRecorderDevices(chooseRecorder(recorder))
  return {
    'settings.get': () => ({ settings: settings.get(), notices: [...settings.notices] }),
    'settings.set': async (patch) => {
      const device = newDevice(patch, settings.get())
      if (device !== undefined && !isListedDevice(device.name, await devicesFor(device.recorder))) {
        throw new UserFacingError(
          `"${device.name.slice(0, 80)}" is not an input device the recorder lists. Choose one from the list in Settings → Voice input.`,
          'invalid-settings'
        )
      }
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
    'hotkeys.commands': () => desktopHotkeyCommands(),
    'voiceInput.devices': async ({ recorder }) => ({
      devices: await devicesFor(recorder ?? settings.get().voiceInput.recorder)
    })
  }
}

/** The device a patch asks for, with the recorder it will be used with; undefined when it names none. */
function newDevice(
  patch: Record<string, unknown>,
  current: Settings
): { name: string; recorder: RecorderSetting } | undefined {
  const v = patch['voiceInput']
  if (typeof v !== 'object' || v === null || !('device' in v)) return undefined
  const { device, recorder } = v as { device?: unknown; recorder?: unknown }
  if (typeof device !== 'string') return undefined // the schema explains what is wrong
  const known = recorderSettings.find((r) => r === recorder)
  return { name: device, recorder: known ?? current.voiceInput.recorder }
}
