import { app } from 'electron'
import { join } from 'node:path'
import type { Settings } from '@shared/settings'
import { PushToTalk } from '../../engine/voice/push-to-talk'
import { startCapture } from '../../engine/voice/microphone'
import { chooseRecorder } from '../../engine/voice/recorder-binary'
import { createTranscriber } from '../../engine/voice/transcriber'
import { createChimePlayer } from '../../engine/voice/chime-player'
import type { AppContext } from '../app-context'
import { GlobalHotkey, followHotkeySetting } from '../hotkeys/global-hotkey'
import { IndicatorWindow } from './indicator-window'
import { MICROPHONE_DENIED, microphoneAllowed } from './microphone-access'
import { sttConfig } from './stt-config'
import { voiceConversation } from './voice-target'
import { hotkeyStatus } from '../hotkeys/hotkey-status'
import { desktopHotkeyCommands, TOGGLE_TALK_FLAG } from '../hotkeys/desktop-bindings'
import { resourceDir } from '../platform/resource-dir'

/**
 * Wires push-to-talk into the app: the global hotkey, `hark --toggle-talk`
 * from a second instance, the indicator window and chimes. Its state goes to
 * the voice hub (ctx.voice), which every window, the indicator and the tray follow.
 */

export function installPushToTalk(ctx: AppContext): void {
  const notify = noticeSender(ctx)
  const ptt = createPushToTalk(ctx, notify)
  const indicator = new IndicatorWindow(ctx)
  indicator.warm()
  const offStatus = [
    ctx.voice.onStatus((status) => ctx.registry.broadcast('voice.state', status)),
    ctx.voice.onStatus((status) => indicator.follow(status)),
    ptt.onStatus((status) => ctx.voice.publish(status))
  ]
  const toggle = toggleWithMicrophoneAccess(ptt, notify)
  ctx.voice.attach({ toggle })

  const offHotkey = bindHotkey(ctx, toggle, notify)
  const onSecondInstance = (_e: unknown, argv: string[]): void => {
    if (argv.includes(TOGGLE_TALK_FLAG)) toggle()
  }
  app.on('second-instance', onSecondInstance)
  if (process.argv.includes(TOGGLE_TALK_FLAG)) setImmediate(toggle)

  ctx.onQuit(() => {
    app.off('second-instance', onSecondInstance)
    offHotkey()
    offStatus.forEach((off) => off())
    ctx.voice.attach(null)
    ptt.dispose()
    indicator.destroy()
  })
}

type Notify = (level: 'info' | 'warning' | 'error', message: string) => void

/** Starting to listen waits for the system's permission (microphone-access.ts); ending never does. */
function toggleWithMicrophoneAccess(ptt: PushToTalk, notify: Notify): () => void {
  return () => {
    if (ptt.status.state === 'listening') return ptt.toggle()
    microphoneAllowed().then(
      (allowed) => (allowed ? ptt.toggle() : notify('error', MICROPHONE_DENIED)),
      (err: unknown) =>
        notify('error', `Could not ask for the microphone: ${err instanceof Error ? err.message : String(err)}`)
    )
  }
}

function createPushToTalk(ctx: AppContext, notify: Notify): PushToTalk {
  const voice = (): Settings['voiceInput'] => ctx.settings.get().voiceInput
  const chimes = createChimePlayer()
  const chimeDir = join(resourceDir(), 'chimes')
  // the last conversation Hark was talking in (see voiceConversation)
  let conversationId: string | undefined
  return new PushToTalk({
    settings: voice,
    startCapture: (onChunk) => {
      const v = voice()
      return startCapture({ recorder: chooseRecorder(v.recorder), device: v.device }, onChunk)
    },
    transcribe: async (wav, signal) => {
      await ctx.keys.unlock()
      const s = ctx.settings.get()
      return createTranscriber(sttConfig(s, (url) => ctx.keys.forUrl(url)))(wav, signal)
    },
    ask: (prompt) => {
      const target = voiceConversation(voice().target, ctx.voice.shownConversation, conversationId)
      const turn = ctx.turns.ask({ prompt, conversationId: target })
      conversationId = turn.conversationId
      return turn
    },
    interrupt: () => {
      conversationId = ctx.turns.activeTurn?.conversationId ?? conversationId
      ctx.turns.stop()
      ctx.speech.stop()
    },
    onSpeech: (listener) => ctx.speech.sink.onEvent(listener),
    onQueued: (listener) => ctx.speech.sink.onEnqueue?.(listener) ?? (() => {}),
    warm: ctx.warmEndpoints,
    chime: (which) => chimes.play(join(chimeDir, `${which}.wav`)),
    notify
  })
}

/** Notices reach open windows, and a main window still loading via the settings notices. */
function noticeSender(ctx: AppContext): Notify {
  return (level, message) => {
    console.warn(`[hark] push-to-talk: ${message}`)
    ctx.registry.broadcast('app.notice', { level, message })
  }
}

function bindHotkey(ctx: AppContext, toggle: () => void, notify: Notify): () => void {
  const hint =
    process.platform === 'linux'
      ? ` You can also bind "${desktopHotkeyCommands().pushToTalk}" to a key in your desktop's keyboard settings.`
      : ''
  let starting = true
  const hotkey = new GlobalHotkey('push-to-talk', toggle, (message) => {
    if (starting) ctx.settings.notices.push(message + hint)
    notify('warning', message + hint)
  })
  const stop = followHotkeySetting(
    hotkey,
    ctx.settings,
    (s) => s.hotkeys.pushToTalk,
    ({ accelerator, registered, error }) =>
      hotkeyStatus.report({ action: 'pushToTalk', accelerator, registered, ...(error ? { error: error + hint } : {}) })
  )
  starting = false
  return stop
}
