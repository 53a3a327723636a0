import { randomUUID } from 'node:crypto'
import type { Settings } from '@shared/settings'
import type { TurnEvent } from '@shared/turn-events'
import type { ChatMessage, ChatStreamer, ProviderConfig } from '../../engine/llm/chat-types'
import type { Segmenter, SegmenterOptions } from '../../engine/segmenter/utterance'
import type { SpeechSink } from '../../engine/speech/speech-types'
import { runTurn, type TurnNotice, type TurnOutcome } from '../../engine/turn'
import { fitToBudget } from '../../engine/llm/context-window'
import { promptBudgetOf } from '../../engine/llm/model-budgets'
import type { ConversationHistory } from './conversation-history'
import { CONTINUE_PROMPT } from '@shared/conversation'
import type { ActiveTurnProgress } from '@shared/ipc/conversations'

/**
 * Runs at most one turn at a time for the app: a new question, Stop or
 * barge-in aborts the running one (closing its HTTP request) and silences its
 * voice. Electron-free, so it is unit-testable under Node.
 */

export interface TurnControllerDeps {
  settings: () => Settings
  provider: (settings: Settings) => ProviderConfig
  history: ConversationHistory
  speech: SpeechSink | null
  streamChat: ChatStreamer
  createSegmenter: (opts: SegmenterOptions) => Segmenter
  publish: (e: TurnEvent) => void
}

interface ActiveTurn {
  turnId: string
  conversationId: string
  /** what the answer held before this turn (Continue) and what this turn has streamed so far */
  base: string
  text: string
  controller: AbortController
}

export interface AskRequest {
  prompt: string
  conversationId?: string
  /** the model picked for the conversation (remembered for its next answers) */
  model?: string
}

interface FittedContext {
  messages: ChatMessage[]
  notices: TurnNotice[]
}

export interface StartedTurn {
  turnId: string
  conversationId: string
  done: Promise<TurnOutcome>
}

export class TurnController {
  private active: ActiveTurn | null = null

  constructor(private readonly deps: TurnControllerDeps) {}

  get activeTurn(): { turnId: string; conversationId: string } | null {
    return this.active && { turnId: this.active.turnId, conversationId: this.active.conversationId }
  }

  /** The running turn's answer so far, for a window that opens mid-stream; null when none runs. */
  get activeProgress(): ActiveTurnProgress | null {
    const a = this.active
    return (
      a && { turnId: a.turnId, conversationId: a.conversationId, base: a.base, text: a.text, length: a.text.length }
    )
  }

  ask(req: AskRequest): StartedTurn {
    return this.start((turnId) => {
      const conversationId = this.deps.history.beginTurn(req.conversationId, req.prompt, turnId, req.model)
      return { conversationId, extra: [], base: '' }
    }, req.conversationId)
  }

  /** Edit and resend: asks `prompt` in place of the question `messageId`; the old branch stays as a version. */
  edit(conversationId: string, messageId: string, prompt: string): StartedTurn {
    return this.start((turnId) => {
      this.deps.history.beginEdit(conversationId, messageId, prompt, turnId)
      return { conversationId, extra: [], base: '' }
    }, conversationId)
  }

  /** Regenerate / Retry: answers the conversation's last question again; the last answer stays as a version. */
  regenerate(conversationId: string): StartedTurn {
    return this.start((turnId) => {
      this.deps.history.beginAnswer(conversationId, turnId)
      return { conversationId, extra: [], base: '' }
    }, conversationId)
  }

  /**
   * Continue: sends the unfinished answer back as the assistant's words, plus a
   * short instruction, so the model picks up where it stopped; the new text is
   * appended to the same answer by the history.
   */
  continueAnswer(conversationId: string): StartedTurn {
    return this.start((turnId) => {
      const partial = this.deps.history.beginContinue(conversationId, turnId)
      const extra: ChatMessage[] = [
        { role: 'assistant', content: partial },
        { role: 'user', content: CONTINUE_PROMPT }
      ]
      return { conversationId, extra, base: partial }
    }, conversationId)
  }

  private start(
    open: (turnId: string) => { conversationId: string; extra: ChatMessage[]; base: string },
    target?: string
  ): StartedTurn {
    // Opening can be refused (deleted conversation, nothing to continue): that must not cut off an answer
    // playing elsewhere. In the same conversation the old answer is stopped first so it ends before the new one.
    const sameConversation = target !== undefined && this.active?.conversationId === target
    if (sameConversation) this.stop()
    const settings = this.deps.settings()
    const turnId = randomUUID()
    const { conversationId, extra, base } = open(turnId)
    if (!sameConversation) this.stop()
    const controller = new AbortController()
    const picked = this.deps.history.modelOf(conversationId)
    const provider = { ...this.deps.provider(settings), ...(picked ? { model: picked } : {}) }
    const { messages, notices } = this.fitContext(provider.model, settings, conversationId, extra)
    const active: ActiveTurn = { turnId, conversationId, base, text: '', controller }
    this.active = active
    const done = this.run(settings, provider, active, { messages, notices })
    return { turnId, conversationId, done }
  }

  /** Stops the running turn (or only `turnId` if given) and its voice. */
  stop(turnId?: string): void {
    const active = this.active
    if (turnId && active?.turnId !== turnId) {
      this.deps.speech?.stop(turnId)
      return
    }
    this.deps.speech?.stop(active?.turnId)
    active?.controller.abort()
  }

  /** System prompt plus as much history as the model's budget allows; says so when turns are left out. */
  private fitContext(model: string, settings: Settings, conversationId: string, extra: ChatMessage[]): FittedContext {
    const system = settings.systemPrompt.trim()
    const history = [...this.deps.history.messagesFor(conversationId), ...extra]
    const all: ChatMessage[] = system ? [{ role: 'system', content: system }, ...history] : history
    const { messages, dropped } = fitToBudget(all, promptBudgetOf(model))
    const notice = `The ${dropped} oldest message${dropped === 1 ? ' was' : 's were'} left out to fit the model's context.`
    return { messages, notices: dropped > 0 ? [{ code: 'context-trimmed', message: notice }] : [] }
  }

  private async run(
    settings: Settings,
    provider: ProviderConfig,
    active: ActiveTurn,
    { messages, notices }: FittedContext
  ): Promise<TurnOutcome> {
    const { history, publish } = this.deps
    const { turnId, conversationId, controller } = active
    let saveWarned = false
    const emit = (e: TurnEvent): void => {
      if (e.type !== 'delta') return publish(e)
      active.text += e.text
      try {
        history.progress(conversationId, turnId, active.text)
      } catch (err) {
        // The answer goes on (and is saved again at its end); say once that it is not being saved.
        if (!saveWarned)
          publish({
            type: 'notice',
            turnId,
            code: 'save-failed',
            message: `Hark cannot save this answer as it streams (${err instanceof Error ? err.message : String(err)}).`
          })
        saveWarned = true
      }
      publish(e)
    }
    const outcome = await runTurn(
      {
        streamChat: this.deps.streamChat,
        createSegmenter: this.deps.createSegmenter,
        speech: settings.speech.enabled ? this.deps.speech : null
      },
      {
        turnId,
        provider,
        messages,
        notices,
        stream: settings.provider.streaming,
        segmenter: { firstFragment: settings.speech.firstFragment },
        signal: controller.signal
      },
      emit
    )
    try {
      history.endTurn(conversationId, turnId, outcome, provider.model)
    } catch (err) {
      // A full disk or a read-only folder must not leave a turn that looks active forever.
      const reason = err instanceof Error ? err.message : String(err)
      publish({ type: 'notice', turnId, code: 'save-failed', message: `Hark could not save this answer (${reason}).` })
    } finally {
      if (this.active?.turnId === turnId) this.active = null
    }
    return outcome
  }
}
