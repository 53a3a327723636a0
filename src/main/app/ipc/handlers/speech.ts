import { randomUUID } from 'node:crypto'
import { readAloudTurnId } from '@shared/ipc/speech'
import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'
import { UserFacingError } from '../user-facing-error'
import { enginesFromSettings } from '../../../engine/speech/engine-from-settings'
import { speechKeyFor } from '../../speech/speech-key'
import { createSegmenter } from '../../../engine/segmenter/sentence-stream'
import { readAloud } from '../../../engine/speech/read-aloud'

export function speechHandlers({
  settings,
  keys,
  speech,
  history,
  publish
}: Pick<AppContext, 'settings' | 'keys' | 'speech' | 'history' | 'publish'>): SubjectHandlers<'speech'> {
  const keyFor = speechKeyFor(keys)
  return {
    'speech.setMuted': ({ muted }) => speech.setMuted(muted),
    'speech.voices': async () => {
      // The engine the settings name; engines that cannot list voices give [] and the view offers a text field.
      // A provider voice asks its endpoint with that origin's key, as its requests do.
      try {
        return { voices: (await enginesFromSettings(settings.get().speech, keyFor).engine.voices?.()) ?? [] }
      } catch {
        return { voices: [] }
      }
    },
    'speech.say': ({ text }) => speech.sink.enqueue({ turnId: `say-${randomUUID()}`, index: 0, text }),
    'speech.stop': () => speech.stop(),
    'speech.busy': () => ({ turns: speech.busyTurns }),
    'speech.readAloud': ({ conversationId, messageId, readId, from }) => {
      const message = history.get(conversationId).messages.find((m) => m.id === messageId)
      if (message?.role !== 'assistant' || !message.content.trim())
        throw new UserFacingError('That answer is no longer there to read.', 'not-found')
      // One voice: reading replaces whatever it was saying.
      speech.stop()
      readAloud(readAloudTurnId(readId), message.content, from, { createSegmenter, speech: speech.sink, emit: publish })
    }
  }
}
