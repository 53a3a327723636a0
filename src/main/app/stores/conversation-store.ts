import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type {
  Conversation,
  ConversationsChanged,
  ConversationSummary,
  SearchHit,
  StoredMessage
} from '@shared/conversation'
import type { ChatMessage } from '../../engine/llm/chat-types'
import type { TurnOutcome } from '../../engine/turn'
import { loadConversations, SAFE_ID } from './conversation-loader'
import { finishMessage } from './finished-message'
import { OpenAnswers, type OpenAnswer } from './open-answers'
import type { ConversationHistory } from '../turns/conversation-history'
import { UserFacingError } from '../ipc/user-facing-error'
import { writeFileAtomic } from './atomic-file'
import { appendLine, snapshotLines } from './conversation-log'
import { describeStorageError } from './storage-error'
import { searchConversations } from './conversation-search'
import { titleFrom } from './conversation-title'
import { dropShown, setAside, showVersion } from './message-versions'
import { Listeners } from '../../engine/listeners'

export interface ConversationStoreOptions {
  /** the longest a streamed answer waits in memory before it is appended to disk */
  flushMs?: number
  now?: () => number
}

/**
 * Conversations in userData/conversations, one JSON-lines file each (see
 * conversation-log.ts). Everything is in memory after start-up; every change is
 * written before the call returns, except streamed text, which is appended at
 * most `flushMs` later; a failed append is reported at once (`onSaveFailed`).
 * Nothing here throws at start-up (see conversation-loader.ts): what could not
 * be read is reported in `notices`.
 */
export class ConversationStore implements ConversationHistory {
  readonly dir: string
  readonly notices: string[] = []
  private readonly conversations = new Map<string, Conversation>()
  private readonly answers = new OpenAnswers()
  private readonly listeners = new Listeners<ConversationsChanged>()
  private readonly saveFailures = new Listeners<string>()
  /** conversations whose file may end in a half-written line: the next append starts a fresh one */
  private readonly maybeTorn = new Set<string>()
  private readonly flushMs: number
  private readonly now: () => number

  constructor(userData: string, opts: ConversationStoreOptions = {}) {
    this.dir = join(userData, 'conversations')
    this.flushMs = opts.flushMs ?? 500
    this.now = opts.now ?? Date.now
    const loaded = loadConversations(this.dir)
    loaded.conversations.forEach((c, id) => this.conversations.set(id, c))
    this.notices.push(...loaded.notices)
    loaded.needRepair.forEach((c) => this.repair(c))
  }

  onChange(listener: (e: ConversationsChanged) => void): () => void {
    return this.listeners.add(listener)
  }

  /** A streamed answer could not be written (full disk, permissions): the message to show the user now. */
  onSaveFailed(listener: (message: string) => void): () => void {
    return this.saveFailures.add(listener)
  }

  list(): ConversationSummary[] {
    return [...this.conversations.values()].map(summary).sort((a, b) => b.updatedAt - a.updatedAt)
  }

  exists(id: string): boolean {
    return this.conversations.has(id)
  }

  get(id: string): Conversation {
    const c = this.require(id)
    return { ...summary(c), messages: c.messages.map((m) => ({ ...m })) }
  }

  create(title = ''): ConversationSummary {
    const at = this.now()
    const c: Conversation = { id: randomUUID(), title, createdAt: at, updatedAt: at, messageCount: 0, messages: [] }
    if (title) c.titleBy = 'user'
    this.conversations.set(c.id, c)
    this.rewrite(c)
    this.emit({ conversationId: c.id, reason: 'created' })
    return summary(c)
  }

  rename(id: string, title: string): ConversationSummary {
    const c = this.require(id)
    Object.assign(c, { title: title.trim(), titleBy: 'user' })
    this.touch(c)
    this.rewrite(c)
    this.emit({ conversationId: id, reason: 'renamed' })
    return summary(c)
  }

  /**
   * A title the model wrote: kept only while the title is still the first-line
   * fallback, so a rename made while the model was asked wins.
   */
  setModelTitle(id: string, title: string): void {
    const c = this.conversations.get(id)
    if (!c || c.titleBy) return
    Object.assign(c, { title, titleBy: 'model' })
    this.rewrite(c)
    this.emit({ conversationId: id, reason: 'renamed' })
  }

  /** The model this conversation's next answers use; null goes back to the provider's default. */
  setModel(id: string, model: string | null): ConversationSummary {
    const c = this.require(id)
    if (model) c.model = model
    else delete c.model
    this.rewrite(c)
    this.emit({ conversationId: id, reason: 'updated' })
    return summary(c)
  }

  /** Shows another version of the conversation from `messageId` on (‹ 1/2 ›). */
  showVersion(conversationId: string, messageId: string, index: number): void {
    const c = this.require(conversationId)
    const at = c.messages.findIndex((m) => m.id === messageId)
    if (at < 0 || !c.messages[at]!.versions) throw new UserFacingError('That message is no longer there.', 'not-found')
    if (this.answers.some((s) => s.conversationId === conversationId))
      throw new UserFacingError('Wait for the answer to finish, or stop it, before switching versions.', 'busy')
    try {
      showVersion(c.messages, at, index)
    } catch {
      throw new UserFacingError('That version is no longer there.', 'not-found')
    }
    this.rewrite(c)
    this.emit({ conversationId, reason: 'updated' })
  }

  delete(id: string): void {
    this.require(id)
    // Unlink first: if that fails the conversation stays, rather than vanishing now and returning after a restart.
    if (existsSync(this.file(id))) unlinkSync(this.file(id))
    this.answers.closeWhere((s) => s.conversationId === id)
    this.conversations.delete(id)
    this.emit({ conversationId: null, reason: 'deleted' })
  }

  search(query: string, limit = 50): SearchHit[] {
    return searchConversations([...this.conversations.values()], query, limit)
  }

  // ── ConversationHistory ──────────────────────────────────────────────

  beginTurn(conversationId: string | undefined, prompt: string, turnId: string, model?: string): string {
    const c = conversationId ? this.require(conversationId) : this.newConversation()
    if (!c.title) c.title = titleFrom(prompt)
    if (model) c.model = model
    c.messages.push(this.message('user', prompt, 'complete'))
    this.openAnswer(c, turnId, this.message('assistant', '', 'partial', turnId), '')
    return c.id
  }

  modelOf(conversationId: string): string | undefined {
    return this.conversations.get(conversationId)?.model
  }

  /** Edit-and-resend: the edited question replaces `messageId` and what followed, which are kept as a version. */
  beginEdit(conversationId: string, messageId: string, prompt: string, turnId: string): void {
    const c = this.require(conversationId)
    const at = c.messages.findIndex((m) => m.id === messageId)
    if (at < 0 || c.messages[at]!.role !== 'user')
      throw new UserFacingError('That message is no longer there.', 'not-found')
    this.closeStreamsFrom(c, at)
    const { versions } = setAside(c.messages, at)
    c.messages.push({ ...this.message('user', prompt, 'complete'), ...(versions ? { versions } : {}) })
    this.openAnswer(c, turnId, this.message('assistant', '', 'partial', turnId), '')
  }

  messagesFor(conversationId: string): ChatMessage[] {
    const open = this.answers.messageIds()
    return (this.conversations.get(conversationId)?.messages ?? [])
      .filter((m) => !open.has(m.id) && (m.role === 'user' || m.content.trim() !== ''))
      .map(({ role, content }) => ({ role, content }))
  }

  /** Regenerate / Retry: answers the last user message again; the last answer is kept as a version. */
  beginAnswer(conversationId: string, turnId: string): void {
    const c = this.require(conversationId)
    let end = c.messages.length
    while (end > 0 && c.messages[end - 1]!.role === 'assistant') end--
    if (end === 0)
      throw new UserFacingError('There is no question to answer in this conversation.', 'nothing-to-answer')
    this.closeStreamsFrom(c, end)
    const { versions, keptAt } = setAside(c.messages, end)
    const answer = this.message('assistant', '', 'partial', turnId)
    this.openAnswer(c, turnId, versions ? { ...answer, versions } : answer, '', keptAt)
  }

  /** Continue: the last answer grows in place; returns the text it already has. */
  beginContinue(conversationId: string, turnId: string): string {
    const c = this.require(conversationId)
    const last = c.messages.at(-1)
    if (last?.role !== 'assistant' || last.status === 'complete' || !last.content) {
      throw new UserFacingError('There is no unfinished answer to continue.', 'nothing-to-continue')
    }
    this.answers.closeWhere((s) => s.messageId === last.id)
    Object.assign(last, { status: 'partial', turnId, error: undefined })
    this.openAnswer(c, turnId, last, last.content)
    return last.content
  }

  progress(_conversationId: string, turnId: string, partialText: string): void {
    const s = this.answers.get(turnId)
    const m = s && this.findMessage(s)
    if (!s || !m) return
    m.content = s.base + partialText
    s.pending = partialText.slice(s.persisted)
    if (this.now() - s.lastFlushAt >= this.flushMs) this.flush(turnId)
    else s.timer ??= unrefTimer(setTimeout(() => this.flush(turnId), this.flushMs))
  }

  endTurn(_conversationId: string, turnId: string, outcome: TurnOutcome, model?: string): void {
    const s = this.answers.get(turnId)
    const m = s && this.findMessage(s)
    this.answers.close(turnId)
    if (!s || !m) return
    const c = this.require(s.conversationId)
    finishMessage(m, s.base, outcome)
    if (model) m.model = model
    if (m.status === 'partial' && !m.content) this.dropEmptyAnswer(c, m, s.replaced)
    this.touch(c)
    this.rewrite(c)
    this.emit({ conversationId: c.id, reason: 'turn-ended', turnId })
  }

  /** Writes every pending streamed text now (quit, tests). */
  flushAll(): void {
    for (const turnId of this.answers.turnIds()) this.flush(turnId)
  }

  // ── internals ────────────────────────────────────────────────────────

  private openAnswer(c: Conversation, turnId: string, answer: StoredMessage, base: string, replaced?: number): void {
    if (!c.messages.includes(answer)) c.messages.push(answer)
    this.answers.open(turnId, {
      conversationId: c.id,
      messageId: answer.id,
      base,
      persisted: 0,
      pending: '',
      lastFlushAt: this.now(),
      ...(replaced !== undefined ? { replaced } : {})
    })
    this.touch(c)
    this.rewrite(c)
    this.emit({ conversationId: c.id, reason: 'turn-started', turnId })
  }

  private flush(turnId: string): void {
    const s = this.answers.get(turnId)
    if (!s) return
    clearTimeout(s.timer)
    s.timer = undefined
    s.lastFlushAt = this.now()
    if (!s.pending) return
    const c = this.conversations.get(s.conversationId)
    if (!c) return
    c.updatedAt = s.lastFlushAt
    const line = appendLine(s.messageId, s.pending, s.lastFlushAt)
    try {
      appendFileSync(this.file(c.id), this.maybeTorn.has(c.id) ? `\n${line}` : line)
      this.maybeTorn.delete(c.id)
      s.persisted += s.pending.length
      s.pending = ''
      s.failing = false
    } catch (err) {
      // Part of the line may be on disk: never let the next one glue onto it.
      this.maybeTorn.add(c.id)
      if (!s.failing)
        this.saveFailures.emit(`Hark could not save the answer as it streamed: ${describeStorageError(err)}.`)
      s.failing = true
    }
  }

  /** Atomic rewrite; afterwards the file holds everything in memory, open answers included. */
  private rewrite(c: Conversation): void {
    c.messageCount = c.messages.length
    try {
      writeFileAtomic(this.file(c.id), snapshotLines(c, this.answers.messageIds()))
    } catch (err) {
      throw new UserFacingError(`Hark could not save the conversation: ${describeStorageError(err)}.`, 'save-failed')
    }
    this.maybeTorn.delete(c.id)
    for (const s of this.answers.all()) {
      if (s.conversationId !== c.id) continue
      s.persisted += s.pending.length
      s.pending = ''
    }
  }

  /**
   * Stopped before any text: nothing to keep, and a regenerate shows the answer it was replacing again.
   * An answer a newer question already follows is only removed when it replaced nothing.
   */
  private dropEmptyAnswer(c: Conversation, m: StoredMessage, replaced?: number): void {
    const at = c.messages.indexOf(m)
    if (at === c.messages.length - 1) dropShown(c.messages, at, replaced)
    else if (!m.versions) c.messages.splice(at, 1)
  }

  /** A turn still writing into a message that is being replaced stops being saved there. */
  private closeStreamsFrom(c: Conversation, from: number): void {
    const replaced = new Set(c.messages.slice(from).map((m) => m.id))
    this.answers.closeWhere((s) => replaced.has(s.messageId))
  }

  private findMessage(s: OpenAnswer): StoredMessage | undefined {
    return this.conversations.get(s.conversationId)?.messages.find((m) => m.id === s.messageId)
  }

  private newConversation(): Conversation {
    const at = this.now()
    const c: Conversation = { id: randomUUID(), title: '', createdAt: at, updatedAt: at, messageCount: 0, messages: [] }
    this.conversations.set(c.id, c)
    this.emit({ conversationId: c.id, reason: 'created' })
    return c
  }

  private message(
    role: StoredMessage['role'],
    content: string,
    status: StoredMessage['status'],
    turnId?: string
  ): StoredMessage {
    return { id: randomUUID(), role, content, createdAt: this.now(), status, ...(turnId ? { turnId } : {}) }
  }

  private touch(c: Conversation): void {
    c.updatedAt = Math.max(this.now(), c.updatedAt)
  }

  private require(id: string): Conversation {
    const c = SAFE_ID.test(id) ? this.conversations.get(id) : undefined
    if (!c) throw new UserFacingError('That conversation no longer exists.', 'not-found')
    return c
  }

  private file(id: string): string {
    return join(this.dir, `${id}.jsonl`)
  }

  private emit(e: ConversationsChanged): void {
    this.listeners.emit(e)
  }

  /** Each repair is tried once; a conversation that read fine is kept whatever happens to it. */
  private repair(c: Conversation): void {
    this.maybeTorn.add(c.id)
    try {
      this.rewrite(c)
    } catch (err) {
      this.notices.push(
        `"${c.title || 'New conversation'}" could not be tidied up on disk (${err instanceof Error ? err.message : String(err)}); it is kept as it is.`
      )
    }
  }
}

function summary(c: Conversation): ConversationSummary {
  return {
    id: c.id,
    title: c.title || 'New conversation',
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    messageCount: c.messages.length,
    ...(c.model ? { model: c.model } : {}),
    ...(c.titleBy ? { titleBy: c.titleBy } : {})
  }
}

function unrefTimer<T extends ReturnType<typeof setTimeout>>(t: T): T {
  ;(t as { unref?: () => void }).unref?.()
  return t
}
