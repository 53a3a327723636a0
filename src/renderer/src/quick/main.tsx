import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QuickPrompt } from './QuickPrompt'
import '../shared/palette.css'
import './quick.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QuickPrompt />
  </StrictMode>
)
