import { app } from 'electron'
import { join } from 'node:path'
import type { Settings } from '@shared/settings'
import { PushToTalk } from '../../engine/voice/push-to-talk'
import { TalkMode } from '../../engine/voice/talk-mode'
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
import type { TurnOutcome } from '../../engine/turn'
import type { VoiceTurnOutcome } from '../../engine/voice/turn-watch'

/**
 * Wires push-to-talk and Talk mode into the app: their global hotkeys,
 * `hark --toggle-talk` from a second instance, the indicator window and
 * chimes. Their state goes to the voice hub (ctx.voice), which every window,
 * the indicator and the tray follow.
 */

export function installPushToTalk(ctx: AppContext): void {
  const notify = noticeSender(ctx)
  const talking = { active: false }
  const ptt = createPushToTalk(ctx, notify, talking)
  const talk = new TalkMode(ptt)
  const indicator = new IndicatorWindow(ctx)
  indicator.warm()
  const offStatus = [
    ctx.voice.onStatus((status) => ctx.registry.broadcast('voice.state', status)),
    ctx.voice.onStatus((status) => indicator.follow(status)),
    ptt.onTranscript((t) => ctx.registry.broadcast('voice.transcript', t)),
    talk.onStatus((status) => {
      talking.active = talk.active
      ctx.voice.publish(status)
    })
  ]
  const toggle = withMicrophoneAccess(
    () => ptt.toggle(),
    () => ptt.status.state === 'listening',
    notify
  )
  const pressTalk = withMicrophoneAccess(
    () => talk.press(),
    () => talk.active,
    notify
  )
  ctx.voice.attach({ toggle, talk: pressTalk, endTalk: () => talk.end() })

  const offHotkey = bindHotkey(ctx, 'pushToTalk', toggle, notify)
  const offTalkHotkey = bindHotkey(ctx, 'talk', pressTalk, notify)
  const onSecondInstance = (_e: unknown, argv: string[]): void => {
    if (argv.includes(TOGGLE_TALK_FLAG)) toggle()
  }
  app.on('second-instance', onSecondInstance)
  if (process.argv.includes(TOGGLE_TALK_FLAG)) setImmediate(toggle)

  ctx.onQuit(() => {
    app.off('second-instance', onSecondInstance)
    offHotkey()
    offTalkHotkey()
    offStatus.forEach((off) => off())
    ctx.voice.attach(null)
    talk.dispose()
    ptt.dispose()
    indicator.destroy()
  })
}

type Notify = (level: 'info' | 'warning' | 'error', message: string) => void

/**
 * Starting to listen waits for the system's permission (microphone-access.ts);
 * ending, or pressing while already listening, never does.
 */
function withMicrophoneAccess(start: () => void, listening: () => boolean, notify: Notify): () => void {
  return () => {
    if (listening()) return start()
    microphoneAllowed().then(
      (allowed) => (allowed ? start() : notify('error', MICROPHONE_DENIED)),
      (err: unknown) =>
        notify('error', `Could not ask for the microphone: ${err instanceof Error ? err.message : String(err)}`)
    )
  }
}

function createPushToTalk(ctx: AppContext, notify: Notify, talking: { active: boolean }): PushToTalk {
  const voice = (): Settings['voiceInput'] => ctx.settings.get().voiceInput
  const chimes = createChimePlayer()
  const chimeDir = join(resourceDir(), 'chimes')
  // the last conversation Hark was talking in (see voiceConversation)
  let conversationId: string | undefined
  return new PushToTalk({
    // In Talk mode, listening gives up after the user's set quiet time (which ends the mode).
    settings: () => {
      const v = voice()
      return talking.active ? { ...v, noSpeechMs: v.talkQuietSeconds * 1000 } : v
    },
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
      return { ...turn, done: turn.done.then(voiceOutcome) }
    },
    interrupt: () => {
      conversationId = ctx.turns.activeTurn?.conversationId ?? conversationId
      ctx.turns.stop()
      ctx.speech.stop()
    },
    onSpeech: (listener) => ctx.speech.sink.onEvent(listener),
    voiceIdle: (turnId) => ctx.speech.sink.idle(turnId),
    warm: ctx.warmUp,
    chime: (which) => chimes.play(join(chimeDir, `${which}.wav`)),
    notify
  })
}

/** A stream that broke off ends a spoken exchange with its reason; a stop is no failure. */
function voiceOutcome(outcome: TurnOutcome): VoiceTurnOutcome {
  return outcome.type === 'error' && outcome.kind !== 'aborted' ? { failed: outcome.message } : {}
}

/** Notices reach open windows, and a main window still loading via the settings notices. */
function noticeSender(ctx: AppContext): Notify {
  return (level, message) => {
    console.warn(`[hark] push-to-talk: ${message}`)
    ctx.registry.broadcast('app.notice', { level, message })
  }
}

function bindHotkey(ctx: AppContext, action: 'pushToTalk' | 'talk', toggle: () => void, notify: Notify): () => void {
  const hint =
    process.platform === 'linux'
      ? ` You can also bind "${desktopHotkeyCommands().pushToTalk}" to a key in your desktop's keyboard settings.`
      : ''
  let starting = true
  const hotkey = new GlobalHotkey(action === 'talk' ? 'Talk mode' : 'push-to-talk', toggle, (message) => {
    if (starting) ctx.settings.notices.push(message + hint)
    notify('warning', message + hint)
  })
  const stop = followHotkeySetting(
    hotkey,
    ctx.settings,
    (s) => s.hotkeys[action],
    ({ accelerator, registered, error }) =>
      hotkeyStatus.report({ action, accelerator, registered, ...(error ? { error: error + hint } : {}) })
  )
  starting = false
  return stop
}
