import { app, ipcMain, safeStorage, type BrowserWindow } from 'electron'
import { streamChat } from '../engine/llm/chat-stream'
import { createSegmenter } from '../engine/segmenter/sentence-stream'
import { batchTurnEvents } from '../engine/turn-event-batcher'
import { registerRoutes } from './ipc/ipc-router'
import { createHandlers } from './route-handlers'
import { WindowRegistry } from './windows/window-registry'
import { SettingsStore } from './stores/settings-store'
import { KeyStore } from './stores/key-store'
import { ConversationStore } from './stores/conversation-store'
import { installConversations } from './conversations/install-conversations'
import { TurnController } from './turns/turn-controller'
import { forWindows } from './turns/window-turn-events'
import { currentProvider } from './provider/provider-config'
import { installAutoTitles } from './conversations/install-auto-titles'
import { createSpeechControl } from './speech/create-speech-control'
import { speechKeyFor } from './speech/speech-key'
import { createMainWindow } from './windows/main-window'
import { applySecurityPolicy } from './windows/security'
import { installApplicationMenu } from './menu/application-menu'
import type { AppContext } from './app-context'
import type { TurnEvent } from '@shared/turn-events'
import type { SpeechSink } from '../engine/speech/speech-types'
import { installQuickPrompt } from './quick-prompt/install-quick-prompt'
import { installTray, trayCanBringHarkBack } from './tray/install-tray'
import { installLoginItem, launchedAtLogin } from './login/login-item'
import { installPushToTalk } from './voice/install-push-to-talk'
import { QUICK_PROMPT_FLAG, TOGGLE_TALK_FLAG } from './hotkeys/desktop-bindings'
import { createEndpointWarmer } from './provider/endpoint-warmer'
import { VoiceHub } from './voice/voice-hub'

/** Builds Hark's main-process object graph once the app is ready. */
export function startHark(): AppContext {
  applySecurityPolicy()
  installApplicationMenu()
  const ctx = buildContext()
  registerRoutes(ipcMain, createHandlers(ctx), ctx.registry.callerOf)
  installConversations(ctx)
  installAutoTitles(ctx)
  const quick = installQuickPrompt(ctx)
  installPushToTalk(ctx)
  installTray(ctx, quick)
  installLoginItem(ctx)
  // Started at login, Hark waits in the tray (if there is one to wait in).
  if (!(launchedAtLogin() && trayCanBringHarkBack(ctx.settings.get()))) ctx.showMainWindow()

  app.on('before-quit', () => {
    ctx.quitting.value = true
    ctx.turns.stop()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !trayCanBringHarkBack(ctx.settings.get())) app.quit()
  })
  app.on('activate', () => ctx.showMainWindow())
  // Launching Hark again brings the running one forward (the hotkeys' flags are theirs).
  app.on('second-instance', (_event, argv) => {
    if (!argv.includes(TOGGLE_TALK_FLAG) && !argv.includes(QUICK_PROMPT_FLAG)) ctx.showMainWindow()
  })
  return ctx
}

function buildContext(): AppContext {
  const userData = app.getPath('userData')
  const registry = new WindowRegistry()
  const settings = new SettingsStore(userData)
  const keys = new KeyStore(userData, safeStorage, { onNotice: (message) => settings.notices.push(message) })
  void keys.unlock()
  const speech = createSpeechControl(
    settings.get().speech,
    (message) => registry.broadcast('app.notice', { level: 'warning', message }),
    speechKeyFor(keys)
  )
  settings.onChange((s) => {
    speech.apply(s.speech)
    registry.broadcast('settings.changed', s)
  })

  const toWindows = registry.sendTurnEventsThrough(batchTurnEvents((batch) => registry.broadcast('turn.events', batch)))
  const publish = (e: TurnEvent): void => toWindows(forWindows(e))
  speech.sink.onEvent(({ turnId, index, state }) => publish({ type: 'speech', turnId, index, state }))
  speech.onBusy((turns) => registry.broadcast('speech.busy', { turns }))

  const history = new ConversationStore(userData)
  const turns = new TurnController({
    settings: () => settings.get(),
    provider: (s) => currentProvider(s, keys),
    history,
    speech: speech.sink,
    streamChat,
    createSegmenter,
    publish
  })

  let mainWindow: BrowserWindow | null = null
  const showMainWindow = (): BrowserWindow => {
    if (!mainWindow || mainWindow.isDestroyed())
      mainWindow = keepInTrayOnClose(createMainWindow(registry), quitting, () => trayCanBringHarkBack(settings.get()))
    else mainWindow.show()
    mainWindow.focus()
    return mainWindow
  }
  const quitting = { value: false }
  const cleanups: Array<() => void> = []
  app.on('will-quit', () => cleanups.splice(0).forEach((c) => c()))

  return {
    userData,
    registry,
    settings,
    keys,
    speech,
    history,
    turns,
    voice: new VoiceHub(speech),
    publish,
    showMainWindow,
    warmUp: warmUp(
      createEndpointWarmer(() => settings.get()),
      speech.sink
    ),
    quitting,
    onQuit: (c) => cleanups.push(c)
  }
}

/**
 * Closing the main window hides it while the tray can bring it back. Else it
 * quits Hark, since the hidden popup and indicator would keep an invisible
 * Hark running; except on macOS, where the Dock brings it back. Quit really
 * closes it.
 */
function keepInTrayOnClose(win: BrowserWindow, quitting: { value: boolean }, inTray: () => boolean): BrowserWindow {
  win.on('close', (event) => {
    if (quitting.value) return
    if (inTray()) {
      event.preventDefault()
      win.hide()
    } else if (process.platform !== 'darwin') {
      event.preventDefault()
      app.quit()
    }
  })
  return win
}

/** Connections first (their set-up is the longer), then the voice's processes. */
function warmUp(warmEndpoints: () => void, voice: SpeechSink): () => void {
  return () => {
    warmEndpoints()
    voice.warm?.()
  }
}
