import { useEffect, useState } from 'react'
import type { HotkeyStatus } from '@shared/ipc/settings'
import type { Settings } from '@shared/settings'
import { HotkeyRecorder } from './HotkeyRecorder'
import { DesktopHotkeyHelp } from './DesktopHotkeyHelp'
import type { SettingsPatch } from './use-settings'

function useHotkeyStatus(): HotkeyStatus[] {
  const [status, setStatus] = useState<HotkeyStatus[]>([])
  useEffect(() => {
    void window.hark.invoke('hotkeys.status', {}).then(setStatus, () => setStatus([]))
    return window.hark.on('hotkeys.status', setStatus)
  }, [])
  return status
}

/** The global hotkeys, recorded by pressing them. */
export function HotkeysSection({
  settings,
  save
}: {
  settings: Settings
  save: (p: SettingsPatch) => Promise<boolean>
}): React.JSX.Element {
  const hotkeys = useHotkeyStatus()
  const statusOf = (action: HotkeyStatus['action']) => hotkeys.find((h) => h.action === action)
  return (
    <section className="settings-section" aria-labelledby="settings-hotkeys">
      <h2 id="settings-hotkeys">Hotkeys</h2>
      <HotkeyRecorder
        label="Push to talk"
        value={settings.hotkeys.pushToTalk}
        status={statusOf('pushToTalk')}
        testId="hotkey-push-to-talk"
        onChange={(v) => void save({ hotkeys: { pushToTalk: v } })}
      />
      <HotkeyRecorder
        label="Talk mode"
        value={settings.hotkeys.talk}
        status={statusOf('talk')}
        testId="hotkey-talk"
        onChange={(v) => void save({ hotkeys: { talk: v } })}
      />
      <HotkeyRecorder
        label="Quick prompt"
        value={settings.hotkeys.quickPrompt}
        status={statusOf('quickPrompt')}
        testId="hotkey-quick-prompt"
        onChange={(v) => void save({ hotkeys: { quickPrompt: v } })}
      />
      <DesktopHotkeyHelp />
    </section>
  )
}
