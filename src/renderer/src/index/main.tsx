import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ChatStore } from './state/chat-store'
import { ChatContext } from './use-chat'
import '../shared/palette.css'
import './app.css'
import './layout/layout.css'

const store = new ChatStore(window.hark)
store.start()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChatContext.Provider value={store}>
      <App />
    </ChatContext.Provider>
  </StrictMode>
)
