import type { Settings } from '@shared/settings'
import { CheckSetting, SelectSetting } from './SettingFields'
import type { SettingsPatch } from './use-settings'

type QuickPrompt = Settings['quickPrompt']

const SAVE_TO = [
  ['quick-conversation', 'One "Quick prompt" conversation'],
  ['new-conversation', 'A new conversation each time']
] as const

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
      <SelectSetting
        label="Save popup questions to"
        value={q.saveTo}
        options={SAVE_TO}
        testId="quick-save-to"
        onSave={(saveTo) => set({ saveTo })}
      />
    </section>
  )
}
