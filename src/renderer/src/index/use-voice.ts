import { createContext, useContext, useSyncExternalStore } from 'react'
import type { VoiceStore, VoiceViewState } from './state/voice-store'

export const VoiceContext = createContext<VoiceStore | null>(null)

export function useVoiceStore(): VoiceStore {
  const store = useContext(VoiceContext)
  if (!store) throw new Error('VoiceContext is missing')
  return store
}

/** One slice of the voice state (re-renders only when the slice changes). */
export function useVoice<T>(select: (s: VoiceViewState) => T): T {
  const store = useVoiceStore()
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()))
}
