import { useEffect, useRef, useState } from 'react'
import type { SettingsSection } from '../navigation'
import type { HotkeyStatus } from '@shared/ipc/settings'
import { DesktopHotkeyHelp } from './DesktopHotkeyHelp'
import { HotkeyRecorder } from './HotkeyRecorder'
import { ProviderSection } from './ProviderSection'
import { SpeechSection } from './SpeechSection'
import { VoiceInputSection } from './VoiceInputSection'
import { useSettings } from './use-settings'

function usePlatform(): string | null {
  const [platform, setPlatform] = useState<string | null>(null)
  useEffect(() => {
    void window.hark.invoke('app.info', {}).then(
      (info) => setPlatform(info.platform),
      () => setPlatform(null)
    )
  }, [])
  return platform
}

function useHotkeyStatus(): HotkeyStatus[] {
  const [status, setStatus] = useState<HotkeyStatus[]>([])
  useEffect(() => {
    void window.hark.invoke('hotkeys.status', {}).then(setStatus, () => setStatus([]))
    return window.hark.on('hotkeys.status', setStatus)
  }, [])
  return status
}

/** Brings `section` into view and focuses its first field, once the settings have loaded. */
function useScrollToSection(section: SettingsSection | undefined, ready: boolean): void {
  const done = useRef(false)
  useEffect(() => {
    if (!section || !ready || done.current) return
    done.current = true
    const el = document.getElementById(`settings-${section}`)
    el?.scrollIntoView({ block: 'start' })
    el?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [section, ready])
}

/** Every setting, applied the moment it changes. */
export default function SettingsView({
  onClose,
  section
}: {
  onClose: () => void
  /** opened to fix something there (an error's "Open Settings") */
  section?: SettingsSection
}): React.JSX.Element {
  const { settings, error, savedAt, save } = useSettings()
  const hotkeys = useHotkeyStatus()
  const platform = usePlatform()
  const [prompt, setPrompt] = useState<string | null>(null)
  useScrollToSection(section, settings !== null)

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
        {platform === 'linux' && (
          <section className="settings-section">
            <h2>Tray</h2>
            <label className="field check">
              <input
                type="checkbox"
                checked={settings.keepRunningInTray}
                data-testid="keep-running-in-tray"
                onChange={(e) => void save({ keepRunningInTray: e.target.checked })}
              />
              <span>
                Keep Hark running in the tray when its window closes. Turn this on only if you see Hark&apos;s icon in
                your panel: stock GNOME shows none without the AppIndicator extension.
              </span>
            </label>
          </section>
        )}
        <ProviderSection settings={settings} save={save} />
        <SpeechSection settings={settings} save={save} />
        <VoiceInputSection settings={settings} save={save} />
        <section className="settings-section" id="settings-conversations">
          <h2>Conversations</h2>
          <label className="field check">
            <input
              type="checkbox"
              checked={settings.autoTitle}
              data-testid="auto-title"
              onChange={(e) => void save({ autoTitle: e.target.checked })}
            />
            <span>Name conversations with a short title written by the model</span>
          </label>
        </section>
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
