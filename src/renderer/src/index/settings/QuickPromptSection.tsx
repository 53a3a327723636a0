import type { Settings } from '@shared/settings'
import { CheckSetting } from './SettingFields'
import type { SettingsPatch } from './use-settings'

type QuickPrompt = Settings['quickPrompt']

/** The popup: whether it hides when it loses focus, and where its questions are kept. */
export function QuickPromptSection({
  settings,
  save
}: {
  settings: Settings
  save: (p: SettingsPatch) => Promise<boolean>
}): React.JSX.Element {
  const q = settings.quickPrompt
  const set = (patch: Partial<QuickPrompt>): void => void save({ quickPrompt: patch })
  return (
    <section className="settings-section" aria-labelledby="settings-quick-prompt">
      <h2 id="settings-quick-prompt">Quick prompt</h2>
      <CheckSetting
        label="Hide the popup when I click elsewhere"
        checked={q.hideOnBlur}
        testId="quick-hide-on-blur"
        onSave={(hideOnBlur) => set({ hideOnBlur })}
      />
      <label className="field">
        <span className="label">Save popup questions to</span>
        <select
          value={q.saveTo}
          data-testid="quick-save-to"
          onChange={(e) => set({ saveTo: e.target.value as QuickPrompt['saveTo'] })}
        >
          <option value="quick-conversation">One &quot;Quick prompt&quot; conversation</option>
          <option value="new-conversation">A new conversation each time</option>
        </select>
      </label>
    </section>
  )
}
