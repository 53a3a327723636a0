import { useEffect, useState } from 'react'
import type { VoiceStatus } from '@shared/voice-state'

/** The push-to-talk state from main: fetched once, then followed by event. */
export function useVoiceStatus(): VoiceStatus {
  const [status, setStatus] = useState<VoiceStatus>({ state: 'idle', level: 0 })
  useEffect(() => {
    let live = true
    const off = window.hark.on('voice.state', (s) => setStatus(s))
    window.hark
      .invoke('voice.status', {})
      .then((info) => live && setStatus((current) => (current.state === 'idle' ? info.status : current)))
      .catch(() => {})
    return () => {
      live = false
      off()
    }
  }, [])
  return status
}
