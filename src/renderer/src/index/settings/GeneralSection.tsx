import { useEffect, useState } from 'react'
import type { AppInfo } from '@shared/ipc/app'
import type { Settings } from '@shared/settings'
import { CheckSetting, SelectSetting } from './SettingFields'
import { useFieldError } from './FieldError'
import { FieldRow } from './FieldRow'
import type { SettingsPatch } from './use-settings'

const THEMES = [
  ['system', 'Same as the system'],
  ['light', 'Light'],
  ['dark', 'Dark']
] as const

/** Theme, start at login, and the system prompt every conversation starts with. */
export function GeneralSection({
  settings,
  save
}: {
  settings: Settings
  save: (p: SettingsPatch) => Promise<boolean>
}): React.JSX.Element {
  const [prompt, setPrompt] = useState<string | null>(null)
  const promptError = useFieldError('systemPrompt')
  const info = useAppInfo()
  return (
    <section className="settings-section" aria-labelledby="settings-general" id="settings-conversations">
      <h2 id="settings-general">General</h2>
      <SelectSetting
        label="Theme"
        value={settings.theme}
        options={THEMES}
        testId="theme-select"
        onSave={(theme) => void save({ theme })}
      />
      <CheckSetting
        label="Start Hark when I log in"
        checked={settings.startAtLogin}
        testId="start-at-login"
        onSave={(startAtLogin) => void save({ startAtLogin })}
      />
      {info && (
        <p className="hint" data-testid="start-at-login-note">
          {info.startAtLogin}
        </p>
      )}
      <CheckSetting
        label="Name conversations with a short title written by the model"
        checked={settings.autoTitle}
        testId="auto-title"
        onSave={(autoTitle) => void save({ autoTitle })}
      />
      {info?.platform === 'linux' && <TrayChoice settings={settings} save={save} />}
      <FieldRow label="System prompt" htmlFor="system-prompt" error={promptError.message}>
        <textarea
          id="system-prompt"
          className="system-prompt"
          rows={5}
          value={prompt ?? settings.systemPrompt}
          data-testid="system-prompt"
          {...promptError.inputProps}
          onChange={(e) => setPrompt(e.target.value)}
          onBlur={() => {
            if (prompt !== null && prompt !== settings.systemPrompt)
              void save({ systemPrompt: prompt }).then((ok) => ok && setPrompt(null))
          }}
        />
      </FieldRow>
    </section>
  )
}

/** The platform and what start at login does on it; null until known (or when the app cannot say). */
function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    void window.hark.invoke('app.info', {}).then(setInfo, () => setInfo(null))
  }, [])
  return info
}

/** Linux only: stock GNOME shows no tray icon, so keeping Hark in the tray is a choice. */
function TrayChoice({
  settings,
  save
}: {
  settings: Settings
  save: (p: SettingsPatch) => Promise<boolean>
}): React.JSX.Element {
  return (
    <CheckSetting
      label="Keep Hark running in the tray when its window closes. Turn this on only if you see Hark's icon in your panel: stock GNOME shows none without the AppIndicator extension."
      checked={settings.keepRunningInTray}
      testId="keep-running-in-tray"
      onSave={(keepRunningInTray) => void save({ keepRunningInTray })}
    />
  )
}
