import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import type { AppNavigation } from '@shared/ipc/app'
import { applyTheme } from '../shared/theme'
import { ChatView } from './chat/ChatView'
import { NoticeBar } from './NoticeBar'
import { Sidebar } from './Sidebar'
import { useChatStore } from './use-chat'
import { messageOf } from '../shared/message-of'
import { NavigationContext, type Navigation, type SettingsSection } from './navigation'

// Settings and onboarding (and zod with them) load only when opened: a smaller first paint.
const SettingsView = lazy(() => import('./settings/SettingsView'))
const Onboarding = lazy(() => import('./onboarding/Onboarding'))

type View = 'chat' | 'settings' | 'onboarding'

/** The main window: conversations on the left, the open one (or Settings) on the right. */
export function App(): React.JSX.Element {
  const store = useChatStore()
  const [view, setView] = useState<View>('chat')
  const [section, setSection] = useState<SettingsSection | undefined>()
  const navigation = useMemo<Navigation>(
    () => ({
      openSettings: (at) => {
        setSection(at)
        setView('settings')
      }
    }),
    []
  )

  useEffect(() => {
    const hark = window.hark
    const go = (nav: AppNavigation | null): void => {
      if (!nav) return
      if (nav.view === 'settings') setView('settings')
      else {
        setView('chat')
        void store.select(nav.conversationId)
      }
    }
    const offNav = hark.on('app.navigate', go)
    const offSettings = hark.on('settings.changed', (s) => applyTheme(s.theme))
    void (async () => {
      try {
        const { settings, notices } = await hark.invoke('settings.get', {})
        applyTheme(settings.theme)
        notices.forEach((n) => store.notify('warning', n))
        go(await hark.invoke('app.takeNavigation', {}))
        const setup = await hark.invoke('setup.status', {})
        if (setup.needsSetup) setView((v) => (v === 'chat' ? 'onboarding' : v))
      } catch (err) {
        store.notify('error', messageOf(err))
      }
    })()
    return () => {
      offNav()
      offSettings()
    }
  }, [store])

  return (
    <NavigationContext.Provider value={navigation}>
      <div className="app">
        <Sidebar onOpenSettings={() => navigation.openSettings()} onOpenChat={() => setView('chat')} />
        <main className="main">
          <NoticeBar />
          <Suspense fallback={<div className="loading">Loading…</div>}>
            {view === 'chat' && <ChatView />}
            {view === 'settings' && <SettingsView section={section} onClose={() => setView('chat')} />}
            {view === 'onboarding' && <Onboarding onDone={() => setView('chat')} />}
          </Suspense>
        </main>
      </div>
    </NavigationContext.Provider>
  )
}
