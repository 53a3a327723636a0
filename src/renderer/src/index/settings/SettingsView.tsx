import { useEffect, useState } from 'react'
import type { HotkeyStatus } from '@shared/ipc/settings'
import { DesktopHotkeyHelp } from './DesktopHotkeyHelp'
import { HotkeyRecorder } from './HotkeyRecorder'
import { ProviderSection } from './ProviderSection'
import { SpeechSection } from './SpeechSection'
import { VoiceInputSection } from './VoiceInputSection'
import { useSettings } from './use-settings'

function useHotkeyStatus(): HotkeyStatus[] {
  const [status, setStatus] = useState<HotkeyStatus[]>([])
  useEffect(() => {
    void window.hark.invoke('hotkeys.status', {}).then(setStatus, () => setStatus([]))
    return window.hark.on('hotkeys.status', setStatus)
  }, [])
  return status
}

/** Every setting, applied the moment it changes. */
export default function SettingsView({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { settings, error, savedAt, save } = useSettings()
  const hotkeys = useHotkeyStatus()
  const [prompt, setPrompt] = useState<string | null>(null)

  if (!settings) return <div className="settings loading">{error ?? 'Loading settings…'}</div>
  const statusOf = (action: HotkeyStatus['action']) => hotkeys.find((h) => h.action === action)

  return (
    <section className="settings" data-testid="settings-view">
      <header className="chat-header">
        <h1>Settings</h1>
        <span className="saved" aria-live="polite">
          {savedAt ? 'Saved' : ''}
        </span>
        <button type="button" data-testid="close-settings" onClick={onClose}>
          Done
        </button>
      </header>
      <div className="settings-body">
        {error && (
          <p className="field-error" role="alert" data-testid="settings-error">
            {error}
          </p>
        )}
        <section className="settings-section">
          <h2>Appearance</h2>
          <label className="field">
            <span className="label">Theme</span>
            <select
              value={settings.theme}
              data-testid="theme-select"
              onChange={(e) => void save({ theme: e.target.value })}
            >
              <option value="system">Same as the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </section>
        <ProviderSection settings={settings} save={save} />
        <SpeechSection settings={settings} save={save} />
        <VoiceInputSection settings={settings} save={save} />
        <section className="settings-section">
          <h2>System prompt</h2>
          <textarea
            className="system-prompt"
            rows={5}
            value={prompt ?? settings.systemPrompt}
            data-testid="system-prompt"
            onChange={(e) => setPrompt(e.target.value)}
            onBlur={() => {
              if (prompt !== null && prompt !== settings.systemPrompt)
                void save({ systemPrompt: prompt }).then((ok) => ok && setPrompt(null))
            }}
          />
        </section>
        <section className="settings-section">
          <h2>Hotkeys</h2>
          <HotkeyRecorder
            label="Push to talk"
            value={settings.hotkeys.pushToTalk}
            status={statusOf('pushToTalk')}
            testId="hotkey-push-to-talk"
            onChange={(v) => void save({ hotkeys: { pushToTalk: v } })}
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
      </div>
    </section>
  )
}
