import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ChatStore } from './state/chat-store'
import { VoiceStore } from './state/voice-store'
import { ChatContext } from './use-chat'
import { VoiceContext } from './use-voice'
import '../shared/palette.css'
import './app.css'
import './layout/layout.css'

const store = new ChatStore(window.hark)
store.start()
const voice = new VoiceStore(window.hark)
voice.start()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChatContext.Provider value={store}>
      <VoiceContext.Provider value={voice}>
        <App />
      </VoiceContext.Provider>
    </ChatContext.Provider>
  </StrictMode>
)
