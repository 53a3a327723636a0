import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import type { AppNavigation } from '@shared/ipc/app'
import { applyTheme } from '../shared/theme'
import { ChatView } from './chat/ChatView'
import { NoticeBar } from './NoticeBar'
import { Sidebar } from './Sidebar'
import { useChatStore } from './use-chat'
import { messageOf } from '../shared/message-of'
import { useShortcuts } from './keyboard/use-shortcuts'
import { ShortcutsHelp } from './keyboard/ShortcutsHelp'
import { NavigationContext, type Navigation, type SettingsSection } from './navigation'

// Settings and onboarding (and zod with them) load only when opened: a smaller first paint.
const SettingsView = lazy(() => import('./settings/SettingsView'))
const Onboarding = lazy(() => import('./onboarding/Onboarding'))

type View = 'chat' | 'settings' | 'onboarding'

/** The main window: conversations on the left, the open one (or Settings) on the right. */
export function App(): React.JSX.Element {
  const store = useChatStore()
  const [view, setView] = useState<View>('chat')
  const [sidebarOpen, setSidebarOpen] = useState(false)
  const [help, setHelp] = useState(false)
  const openChat = (): void => {
    setView('chat')
    setSidebarOpen(false)
  }
  useShortcuts({
    new: () => {
      openChat()
      void store.select(null)
    },
    search: () => {
      setSidebarOpen(true)
      // the sidebar may only now be shown: focus once it is laid out
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.sidebar .search')?.focus())
    },
    settings: () => navigation.openSettings(),
    help: () => navigation.openShortcuts()
  })
  const [section, setSection] = useState<SettingsSection | undefined>()
  const navigation = useMemo<Navigation>(
    () => ({
      openSettings: (at) => {
        setSection(at)
        setView('settings')
      },
      openShortcuts: () => setHelp(true)
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
      <div className={sidebarOpen ? 'app sidebar-open' : 'app'}>
        <button
          type="button"
          className="sidebar-toggle"
          data-testid="sidebar-toggle"
          aria-expanded={sidebarOpen}
          aria-label={sidebarOpen ? 'Hide conversations' : 'Show conversations'}
          onClick={() => setSidebarOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span>
        </button>
        <Sidebar
          onOpenSettings={() => {
            navigation.openSettings()
            setSidebarOpen(false)
          }}
          onOpenChat={openChat}
        />
        <main className="main">
          <NoticeBar />
          <Suspense fallback={<div className="loading">Loading…</div>}>
            {view === 'chat' && <ChatView />}
            {view === 'settings' && <SettingsView section={section} onClose={() => setView('chat')} />}
            {view === 'onboarding' && <Onboarding onDone={() => setView('chat')} />}
          </Suspense>
        </main>
        {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      </div>
    </NavigationContext.Provider>
  )
}
