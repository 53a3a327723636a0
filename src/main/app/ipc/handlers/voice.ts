import type { MicTestResult } from '@shared/ipc/voice'
import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'
import { hotkeyStatus } from '../../hotkeys/hotkey-status'

/** Push-to-talk's routes: the indicator's and the main window's handle on the voice hub. */
export function voiceHandlers(
  { voice }: Pick<AppContext, 'voice'>,
  testMic: () => Promise<MicTestResult>
): SubjectHandlers<'voice'> {
  return {
    'voice.toggle': () => {
      voice.toggle()
    },
    'voice.talk': () => {
      voice.talk()
    },
    'voice.endTalk': () => voice.endTalk(),
    'voice.status': () => ({
      status: voice.status,
      hotkey: hotkeyStatus.get('pushToTalk') ?? { accelerator: '', registered: false }
    }),
    'voice.setConversation': ({ conversationId }) => {
      voice.shownConversation = conversationId
    },
    'voice.testMic': () => testMic()
  }
}
