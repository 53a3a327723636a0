import { randomUUID } from 'node:crypto'
import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'
import { enginesFromSettings } from '../../../engine/speech/engine-from-settings'

export function speechHandlers({
  settings,
  speech
}: Pick<AppContext, 'settings' | 'speech'>): SubjectHandlers<'speech'> {
  return {
    'speech.setMuted': ({ muted }) => speech.setMuted(muted),
    'speech.voices': async () => {
      // The engine the settings name; engines that cannot list voices give [] and the view offers a text field.
      try {
        return { voices: (await enginesFromSettings(settings.get().speech).engine.voices?.()) ?? [] }
      } catch {
        return { voices: [] }
      }
    },
    'speech.say': ({ text }) => speech.sink.enqueue({ turnId: `say-${randomUUID()}`, index: 0, text })
  }
}
