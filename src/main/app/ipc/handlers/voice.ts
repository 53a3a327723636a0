import type { HandlersOf } from '../ipc-router'
import { voiceHub } from '../../voice/voice-hub'

/** Push-to-talk's IPC routes: the indicator's and the UI's handle on the hub. */
export function voiceHandlers(): HandlersOf<
  'voice.toggle' | 'voice.cancel' | 'voice.status' | 'voice.setConversation'
> {
  return {
    'voice.toggle': () => {
      voiceHub.toggle()
    },
    'voice.cancel': () => voiceHub.cancel(),
    'voice.status': () => ({ status: voiceHub.status, hotkey: { ...voiceHub.hotkey } }),
    'voice.setConversation': ({ conversationId }) => {
      voiceHub.shownConversation = conversationId
    }
  }
}
