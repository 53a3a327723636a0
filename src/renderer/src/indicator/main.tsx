import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Indicator } from './Indicator'
import './indicator.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Indicator />
  </StrictMode>
)
