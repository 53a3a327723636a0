import './settings.css'
import { useEffect, useRef, useState } from 'react'
import { FieldErrorsContext } from './FieldError'
import { GeneralSection } from './GeneralSection'
import { HotkeysSection } from './HotkeysSection'
import { ProviderSection } from './ProviderSection'
import { QuickPromptSection } from './QuickPromptSection'
import { SpeechSection } from './SpeechSection'
import { VoiceInputSection } from './VoiceInputSection'
import { useSettings } from './use-settings'
import type { SettingsSection } from '../navigation'

const SECTIONS = [
  { id: 'general', label: 'General', View: GeneralSection },
  { id: 'provider', label: 'Provider', View: ProviderSection },
  { id: 'speech', label: 'Speech', View: SpeechSection },
  { id: 'voice-input', label: 'Voice input', View: VoiceInputSection },
  { id: 'hotkeys', label: 'Hotkeys', View: HotkeysSection },
  { id: 'quick-prompt', label: 'Quick prompt', View: QuickPromptSection }
] as const

type SectionId = (typeof SECTIONS)[number]['id']

/** Esc closes Settings, unless a field used it first (a hotkey being recorded, an open list). */
function useEscapeCloses(onClose: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
}

/** Opened to fix something there: the first field of the section shown takes focus, once loaded. */
function useFocusOpenedSection(openAt: SettingsSection | undefined, ready: boolean): void {
  const done = useRef(false)
  useEffect(() => {
    if (!openAt || !ready || done.current) return
    done.current = true
    document
      .querySelector<HTMLElement>('[data-testid=settings-view] .settings-section')
      ?.querySelector<HTMLElement>('input, select, textarea')
      ?.focus()
  }, [openAt, ready])
}

/** Every setting, one section at a time, applied the moment it changes. */
export default function SettingsView({
  onClose,
  section: openAt
}: {
  onClose: () => void
  /** opened to fix something there (an error's "Open Settings") */
  section?: SettingsSection
}): React.JSX.Element {
  const { settings, error, fieldErrors, saved, save } = useSettings()
  const [section, setSection] = useState<SectionId>(openAt === 'provider' ? 'provider' : 'general')
  useEscapeCloses(onClose)
  useFocusOpenedSection(openAt, settings !== null)

  if (!settings) return <div className="settings loading">{error ?? 'Loading settings…'}</div>
  const { View } = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0]

  return (
    <section className="settings" data-testid="settings-view" aria-labelledby="settings-title">
      <header className="chat-header">
        <h1 id="settings-title">Settings</h1>
        <span className="saved" aria-live="polite" data-testid="settings-saved">
          {saved ? 'Saved' : ''}
        </span>
        <button type="button" data-testid="close-settings" onClick={onClose} title="Close (Esc)">
          Done
        </button>
      </header>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label="Settings sections">
          {SECTIONS.map((s) => (
            <button
              key={s.id}
              type="button"
              data-testid={`settings-nav-${s.id}`}
              aria-current={s.id === section ? 'page' : undefined}
              onClick={() => setSection(s.id)}
            >
              {s.label}
            </button>
          ))}
        </nav>
        <div className="settings-body">
          {error && (
            <p className="field-error" role="alert" data-testid="settings-error">
              {error}
            </p>
          )}
          <FieldErrorsContext.Provider value={fieldErrors}>
            <View settings={settings} save={save} />
          </FieldErrorsContext.Provider>
        </div>
      </div>
    </section>
  )
}
