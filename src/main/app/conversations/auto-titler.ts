import type { Conversation, ConversationsChanged } from '@shared/conversation'
import type { Settings } from '@shared/settings'
import type { ChatStreamer, ProviderConfig } from '../../engine/llm/chat-types'
import { requestTitle, TITLE_LIMITS, type TitleLimits } from '../../engine/llm/title-request'

export interface AutoTitlerDeps {
  history: {
    get(id: string): Conversation
    setModelTitle(id: string, title: string): void
  }
  settings: () => Settings
  provider: (settings: Settings) => ProviderConfig
  streamChat: ChatStreamer
  limits?: TitleLimits
}

/**
 * Names a conversation after its first complete answer by asking the model,
 * in the background: the answer is already shown and spoken, the request
 * never goes to the voice, and a failure leaves the first-line title.
 */
export class AutoTitler {
  private readonly asked = new Set<string>()
  private readonly pending = new Set<Promise<void>>()

  constructor(private readonly deps: AutoTitlerDeps) {}

  /** Follow the store's changes with this. */
  onChange = (e: ConversationsChanged): void => {
    if (e.reason !== 'turn-ended' || !e.conversationId) return
    const job = this.maybeTitle(e.conversationId).catch(() => {}) // failing quietly is the design: the fallback stays
    this.pending.add(job)
    void job.finally(() => this.pending.delete(job))
  }

  /** Resolves when every title request started so far has ended (tests, quit). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending])
  }

  private async maybeTitle(id: string): Promise<void> {
    const settings = this.deps.settings()
    if (!settings.autoTitle || this.asked.has(id)) return
    const c = this.deps.history.get(id)
    const [question, answer, ...rest] = c.messages
    if (c.titleBy || rest.length > 0 || question?.role !== 'user') return
    if (answer?.role !== 'assistant' || answer.status !== 'complete' || !answer.content.trim()) return
    this.asked.add(id)
    const provider = { ...this.deps.provider(settings), ...(c.model ? { model: c.model } : {}) }
    const title = await requestTitle(
      this.deps.streamChat,
      provider,
      { question: question.content, answer: answer.content },
      this.deps.limits ?? TITLE_LIMITS
    )
    if (title) this.deps.history.setModelTitle(id, title)
  }
}
