import type { HarkBridge } from '@shared/ipc/bridge'
import type { Conversation, ConversationsChanged, ConversationSummary, SearchHit } from '@shared/conversation'
import type { TurnEvent } from '@shared/turn-events'
import type { ActiveTurnProgress, CutMessage } from '@shared/ipc/conversations'
import { readAloudTurnId } from '@shared/ipc/speech'
import {
  applyTurnEvent,
  isRunning,
  lacksText,
  newLiveTurn,
  seedLiveTurn,
  type LiveTurn
} from '@renderer/shared/live-turn'
import { ExternalStore } from './external-store'
import { completeCutMessages, turnTextSoFar } from './text-pieces'
import { messageOf } from '../../shared/message-of'

/**
 * The main window's state outside React: the conversation list, the open
 * conversation, and every turn it has heard of. Components read snapshots
 * (useSyncExternalStore); the conversation and turn routes go through here,
 * while Settings and onboarding call window.hark themselves.
 */

export interface Notice {
  id: number
  level: 'info' | 'warning' | 'error'
  message: string
}

export interface ChatState {
  conversations: ConversationSummary[]
  currentId: string | null
  current: Conversation | null
  /** messages of `current` sent only in part, with their whole length: the rest is on its way */
  cut: readonly CutMessage[]
  /** turns by id; kept a while after they end so speech highlighting can finish */
  live: Record<string, LiveTurn>
  notices: Notice[]
  /** the last failed action, shown under the composer */
  actionError: string | null
  searchHits: SearchHit[] | null
  /** the saved answer being read aloud, followed like a turn (its ranges and spoken sentence) */
  reading: { messageId: string; turn: LiveTurn } | null
  /** the model picked for the next new conversation (before it exists); null: the provider's default */
  draftModel: string | null
}

const KEEP_TURNS = 4

export class ChatStore extends ExternalStore<ChatState> {
  private noticeId = 0
  /** Continue appends to text the renderer already shows: remember it for the turn-started event */
  private pendingBase = new Map<string, string>()
  private disposers: Array<() => void> = []

  constructor(
    private readonly hark: HarkBridge,
    private readonly now: () => number = () => performance.now()
  ) {
    super({
      conversations: [],
      currentId: null,
      current: null,
      cut: [],
      live: {},
      notices: [],
      actionError: null,
      searchHits: null,
      reading: null,
      draftModel: null
    })
  }

  start(): void {
    this.disposers.push(
      // A frame's batch of turn events becomes one state update, not one per event.
      this.hark.on('turn.events', (batch) => this.onTurnEvents(batch)),
      this.hark.on('conversations.changed', (e) => void this.onChanged(e)),
      this.hark.on('app.notice', (n) => this.notify(n.level, n.message)),
      // A question spoken from the empty new-conversation screen opens the conversation it created.
      this.hark.on('voice.transcript', (t) => {
        if (this.state.currentId === null) void this.select(t.conversationId)
      })
    )
    void this.refreshList(true)
  }

  dispose(): void {
    this.disposers.splice(0).forEach((d) => d())
  }

  // ── conversations ──────────────────────────────────────────────────

  async select(id: string | null): Promise<void> {
    const same = id === this.state.currentId
    this.set({
      currentId: id,
      current: same ? this.state.current : null,
      cut: same ? this.state.cut : [],
      actionError: null
    })
    // Push-to-talk answers into the conversation on screen (when set to 'current').
    void this.hark.invoke('voice.setConversation', { conversationId: id }).catch(() => {})
    if (id) await this.loadCurrent(id)
  }

  async rename(id: string, title: string): Promise<void> {
    await this.attempt(() => this.hark.invoke('conversations.rename', { id, title }))
  }

  async remove(id: string): Promise<void> {
    const ok = await this.attempt(() => this.hark.invoke('conversations.delete', { id }))
    if (ok && this.state.currentId === id) await this.select(null)
  }

  async search(query: string): Promise<void> {
    if (!query.trim()) return this.set({ searchHits: null })
    const hits = await this.attempt(() => this.hark.invoke('conversations.search', { query }))
    if (hits) this.set({ searchHits: hits })
  }

  /** The model for the open conversation's next answers; before it exists, for the one the next question starts. */
  async pickModel(model: string | null): Promise<void> {
    const id = this.state.currentId
    if (!id) return this.set({ draftModel: model })
    const summary = await this.attempt(() => this.hark.invoke('conversations.setModel', { id, model }))
    if (summary && this.state.current?.id === id) this.set({ current: { ...this.state.current, model: summary.model } })
  }

  async showVersion(messageId: string, index: number): Promise<void> {
    const id = this.state.currentId
    if (id) await this.attempt(() => this.hark.invoke('conversations.showVersion', { id, messageId, index }))
  }

  async exportMarkdown(id: string): Promise<{ markdown: string; fileName: string } | null> {
    return this.attempt(() => this.hark.invoke('conversations.export', { id }))
  }

  // ── turns ──────────────────────────────────────────────────────────

  async ask(prompt: string): Promise<boolean> {
    const conversationId = this.state.currentId ?? undefined
    const model = conversationId ? null : this.state.draftModel
    const started = await this.attempt(() =>
      this.hark.invoke('turn.ask', {
        prompt,
        ...(conversationId ? { conversationId } : {}),
        ...(model ? { model } : {})
      })
    )
    if (started && !this.state.currentId) {
      this.set({ draftModel: null })
      await this.select(started.conversationId)
    }
    return started !== null
  }

  /** One Stop for everything: the answer streaming here, and whatever the voice is saying (the text stays). */
  async stop(): Promise<void> {
    const running = this.runningTurn()
    if (running) await this.attempt(() => this.hark.invoke('turn.stop', { turnId: running.turnId }))
    await this.attempt(() => this.hark.invoke('speech.stop', {}))
  }

  /** Reads a saved answer aloud, from the sentence holding character `from` of its text. */
  async readAloud(messageId: string, from = 0): Promise<void> {
    const conversationId = this.state.currentId
    if (!conversationId) return
    const readId = crypto.randomUUID()
    const turn = { ...newLiveTurn(readAloudTurnId(readId), conversationId, '', this.now()), status: 'done' as const }
    this.set({ reading: { messageId, turn } })
    await this.attempt(() => this.hark.invoke('speech.readAloud', { conversationId, messageId, readId, from }))
  }

  async regenerate(): Promise<void> {
    const id = this.state.currentId
    if (id) await this.attempt(() => this.hark.invoke('turn.regenerate', { conversationId: id }))
  }

  async continueAnswer(): Promise<void> {
    const c = this.state.current
    const last = c?.messages.at(-1)
    if (!c || last?.role !== 'assistant') return
    this.pendingBase.set(c.id, this.displayedText(last.turnId, last.content))
    const ok = await this.attempt(() => this.hark.invoke('turn.continue', { conversationId: c.id }))
    if (!ok) this.pendingBase.delete(c.id)
  }

  async edit(messageId: string, prompt: string): Promise<boolean> {
    const id = this.state.currentId
    if (!id) return false
    return (await this.attempt(() => this.hark.invoke('turn.edit', { conversationId: id, messageId, prompt }))) !== null
  }

  /** The turn running in the open conversation, if any. */
  runningTurn(): LiveTurn | undefined {
    return runningTurnOf(this.state)
  }

  dismissNotice(id: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) })
  }

  notify(level: Notice['level'], message: string): void {
    if (this.state.notices.some((n) => n.message === message)) return
    this.set({ notices: [...this.state.notices, { id: ++this.noticeId, level, message }] })
  }

  // ── events ─────────────────────────────────────────────────────────

  private onTurnEvents(batch: TurnEvent[]): void {
    let live: ChatState['live'] | null = null
    let reading = this.state.reading
    for (const e of batch) {
      if (reading && e.turnId === reading.turn.turnId) {
        reading = { ...reading, turn: applyTurnEvent(reading.turn, e, this.now()) }
        continue
      }
      const turn = (live ?? this.state.live)[e.turnId]
      if (!turn) continue // a turn this window never saw start (e.g. a one-off spoken "hello")
      live ??= { ...this.state.live }
      live[e.turnId] = applyTurnEvent(turn, e, this.now())
    }
    if (live) this.set({ live })
    if (reading !== this.state.reading) this.set({ reading })
  }

  private async onChanged(e: ConversationsChanged): Promise<void> {
    if (e.reason === 'turn-started' && e.turnId && e.conversationId) this.trackTurn(e.turnId, e.conversationId)
    if (e.reason === 'turn-ended' && e.turnId) this.forgetIfStuck(e.turnId)
    await this.refreshList(false)
    if (e.conversationId && e.conversationId === this.state.currentId) await this.loadCurrent(e.conversationId)
    if (
      e.reason === 'deleted' &&
      this.state.currentId &&
      !this.state.conversations.some((c) => c.id === this.state.currentId)
    ) {
      await this.select(null)
    }
  }

  /** `fromStart`: this window saw the turn start; otherwise it joined mid-turn and waits to be given the text so far. */
  private trackTurn(turnId: string, conversationId: string, fromStart = true): void {
    const base = this.pendingBase.get(conversationId) ?? ''
    this.pendingBase.delete(conversationId)
    const live = { ...this.state.live, [turnId]: newLiveTurn(turnId, conversationId, base, this.now(), fromStart) }
    const ids = Object.keys(live)
    for (const old of ids.slice(0, Math.max(0, ids.length - KEEP_TURNS))) if (!isRunning(live[old])) delete live[old]
    this.set({ live })
  }

  /** The store has finished a turn whose terminal event this window never saw: show the stored answer, never a spinner. */
  private forgetIfStuck(turnId: string): void {
    if (!isRunning(this.state.live[turnId])) return
    const live = { ...this.state.live }
    delete live[turnId]
    this.set({ live })
  }

  private async refreshList(first: boolean): Promise<void> {
    const list = await this.attempt(() => this.hark.invoke('conversations.list', {}))
    if (!list) return
    this.set({ conversations: list.conversations })
    if (!first) return
    list.notices.forEach((n) => this.notify('warning', n))
    const active = list.activeTurn
    if (!active) return
    if (!this.state.live[active.turnId]) this.trackTurn(active.turnId, active.conversationId, false)
    // A window opened while an answer streams shows that answer, unless it was sent elsewhere.
    if (this.state.currentId === null) await this.select(active.conversationId)
  }

  private async loadCurrent(id: string): Promise<void> {
    try {
      const c = await this.hark.invoke('conversations.get', { id })
      if (c.activeTurn) void this.catchUp(c.activeTurn)
      if (this.state.currentId !== id) return
      this.set({ current: c, cut: c.cut })
      await completeCutMessages(c.cut, {
        piece: (messageId, from) => this.hark.invoke('conversations.text', { id, messageId, from }),
        known: (m) => (m.turnId && this.state.live[m.turnId] ? this.displayedText(m.turnId, '') : null),
        current: () => (this.state.currentId === id ? this.state.current : null),
        show: (current) => this.set({ current })
      })
    } catch (err) {
      if (this.state.currentId === id) this.set({ currentId: null, current: null, actionError: messageOf(err) })
    }
  }

  /**
   * Seeds the running turn with main's text so far: a window that joined
   * mid-turn shows the whole answer. Main sends its first piece; the rest is
   * asked for piece by piece, unless this window heard every delta already.
   */
  private async catchUp(soFar: ActiveTurnProgress): Promise<void> {
    if (!this.state.live[soFar.turnId]) this.trackTurn(soFar.turnId, soFar.conversationId, false)
    const text = await turnTextSoFar(soFar, {
      piece: (from) => this.hark.invoke('conversations.turnText', { turnId: soFar.turnId, from }),
      lacks: () => lacksText(this.state.live[soFar.turnId], soFar.length)
    })
    const turn = this.state.live[soFar.turnId]
    const seeded = turn && seedLiveTurn(turn, { base: soFar.base, text })
    if (seeded && seeded !== turn) this.set({ live: { ...this.state.live, [soFar.turnId]: seeded } })
  }

  /** What the window shows for a message: the live text while its turn is known, else what was stored. */
  displayedText(turnId: string | undefined, stored: string): string {
    const turn = turnId ? this.state.live[turnId] : undefined
    return turn ? turn.base + turn.text : stored
  }

  private async attempt<T>(action: () => Promise<T>): Promise<T | null> {
    try {
      const value = await action()
      if (this.state.actionError) this.set({ actionError: null })
      return value
    } catch (err) {
      this.set({ actionError: messageOf(err) })
      return null
    }
  }
}

/** The turn running in the open conversation of `s`, if any (components select on it too). */
export function runningTurnOf(s: ChatState): LiveTurn | undefined {
  return Object.values(s.live).find((t) => t.conversationId === s.currentId && isRunning(t))
}
