import { createContext, useContext, useSyncExternalStore } from 'react'
import type { ChatState, ChatStore } from './state/chat-store'

export const ChatContext = createContext<ChatStore | null>(null)

export function useChatStore(): ChatStore {
  const store = useContext(ChatContext)
  if (!store) throw new Error('ChatContext is missing')
  return store
}

/** The chat state, or one slice of it (re-renders only when the slice changes). */
export function useChat<T = ChatState>(select: (s: ChatState) => T = (s) => s as T): T {
  const store = useChatStore()
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()))
}
