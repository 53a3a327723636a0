import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs'
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
import type { ConversationHistory } from '../turns/conversation-history'
import { UserFacingError } from '../ipc/user-facing-error'
import { writeFileAtomic } from './atomic-file'
import { appendLine, replay, snapshotLines } from './conversation-log'
import { quarantineFile } from './quarantine'
import { describeStorageError, isFileSystemError, withoutBom } from './storage-error'
import { searchConversations } from './conversation-search'
import { titleFrom } from './conversation-title'
import { dropShown, setAside, showVersion } from './message-versions'
import { Listeners } from '../../engine/listeners'

export interface ConversationStoreOptions {
  /** the longest a streamed answer waits in memory before it is appended to disk */
  flushMs?: number
  now?: () => number
}

/** A turn being written: which message it fills, from what offset. */
interface OpenStream {
  conversationId: string
  messageId: string
  /** text the message already had (Continue appends to it) */
  base: string
  /** chars of this turn's text already on disk */
  persisted: number
  pending: string
  lastFlushAt: number
  timer?: ReturnType<typeof setTimeout>
  /** the version this answer replaced, shown again if it ends without text */
  replaced?: number
  /** the last append failed: said once, not at every flush while the disk stays full */
  failing?: boolean
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/

/**
 * Conversations in userData/conversations, one JSON-lines file each (see
 * conversation-log.ts). Everything is in memory after start-up; every change is
 * written before the call returns, except streamed text, which is appended at
 * most `flushMs` later; a failed append is reported at once (`onSaveFailed`).
 * Nothing here throws at start-up: a file whose content is broken is moved to
 * quarantine/, one the disk or permissions keep from being read is left alone,
 * and both are reported in `notices`.
 */
export class ConversationStore implements ConversationHistory {
  readonly dir: string
  readonly notices: string[] = []
  private readonly conversations = new Map<string, Conversation>()
  private readonly streams = new Map<string, OpenStream>()
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
    this.load()
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
    if ([...this.streams.values()].some((s) => s.conversationId === conversationId))
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
    for (const [turnId, s] of this.streams) if (s.conversationId === id) this.closeStream(turnId)
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
    const open = this.openMessageIds()
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
    for (const [id, s] of this.streams) if (s.messageId === last.id) this.closeStream(id)
    Object.assign(last, { status: 'partial', turnId, error: undefined })
    this.openAnswer(c, turnId, last, last.content)
    return last.content
  }

  progress(_conversationId: string, turnId: string, partialText: string): void {
    const s = this.streams.get(turnId)
    const m = s && this.findMessage(s)
    if (!s || !m) return
    m.content = s.base + partialText
    s.pending = partialText.slice(s.persisted)
    if (this.now() - s.lastFlushAt >= this.flushMs) this.flush(turnId)
    else s.timer ??= unrefTimer(setTimeout(() => this.flush(turnId), this.flushMs))
  }

  endTurn(_conversationId: string, turnId: string, outcome: TurnOutcome, model?: string): void {
    const s = this.streams.get(turnId)
    const m = s && this.findMessage(s)
    this.closeStream(turnId)
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
    for (const turnId of this.streams.keys()) this.flush(turnId)
  }

  // ── internals ────────────────────────────────────────────────────────

  private openAnswer(c: Conversation, turnId: string, answer: StoredMessage, base: string, replaced?: number): void {
    if (!c.messages.includes(answer)) c.messages.push(answer)
    this.streams.set(turnId, {
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
    const s = this.streams.get(turnId)
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

  private closeStream(turnId: string): void {
    const s = this.streams.get(turnId)
    if (s) clearTimeout(s.timer)
    this.streams.delete(turnId)
  }

  /** Atomic rewrite; afterwards the file holds everything in memory, open answers included. */
  private rewrite(c: Conversation): void {
    c.messageCount = c.messages.length
    try {
      writeFileAtomic(this.file(c.id), snapshotLines(c, this.openMessageIds()))
    } catch (err) {
      throw new UserFacingError(`Hark could not save the conversation: ${describeStorageError(err)}.`, 'save-failed')
    }
    this.maybeTorn.delete(c.id)
    for (const s of this.streams.values()) {
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
    for (const [turnId, s] of this.streams) if (replaced.has(s.messageId)) this.closeStream(turnId)
  }

  private openMessageIds(): Set<string> {
    return new Set([...this.streams.values()].map((s) => s.messageId))
  }

  private findMessage(s: OpenStream): StoredMessage | undefined {
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

  private load(): void {
    try {
      mkdirSync(this.dir, { recursive: true })
      for (const name of readdirSync(this.dir)) this.loadEntry(name)
    } catch (err) {
      this.notices.push(`Saved conversations could not be read: ${err instanceof Error ? err.message : String(err)}`)
    }
  }

  private loadEntry(name: string): void {
    const path = join(this.dir, name)
    if (name.endsWith('.tmp')) return void tryUnlink(path) // a rewrite that never got renamed
    if (!name.endsWith('.jsonl')) return
    const id = name.slice(0, -'.jsonl'.length)
    let loaded: ReturnType<typeof replay>
    try {
      if (!SAFE_ID.test(id)) throw new Error('its name is not a conversation id')
      loaded = replay(withoutBom(readFileSync(path, 'utf8')), id)
    } catch (err) {
      if (isFileSystemError(err))
        this.notices.push(`A saved conversation (${name}) could not be read: ${describeStorageError(err)}.`)
      else this.notices.push(quarantineFile(this.dir, name, err))
      return
    }
    const { conversation, interrupted, tornLines } = loaded
    const title = conversation.title || 'New conversation'
    this.conversations.set(id, conversation)
    if (tornLines > 0) {
      this.notices.push(
        `Part of an answer in "${title}" was cut off when it was saved (${tornLines} damaged line${tornLines === 1 ? '' : 's'} dropped); the rest is kept.`
      )
    }
    if (interrupted === 0 && tornLines === 0) return
    // Read fine, so it is kept whatever happens to this repair.
    this.maybeTorn.add(id)
    try {
      this.rewrite(conversation)
    } catch (err) {
      this.notices.push(
        `"${title}" could not be tidied up on disk (${err instanceof Error ? err.message : String(err)}); it is kept as it is.`
      )
    }
  }
}

function finishMessage(m: StoredMessage, base: string, outcome: TurnOutcome): void {
  if (outcome.type === 'done') {
    m.content = base + outcome.text
    m.status = 'complete'
    if (outcome.reasoning) m.reasoning = (m.reasoning ?? '') + outcome.reasoning
    m.usage = outcome.usage
    m.timings = outcome.timings
    delete m.error
    return
  }
  m.content = base + outcome.partialText
  // A stream cut off without an error is interrupted: its text is kept, Continue picks it up.
  m.status = outcome.kind === 'aborted' ? 'partial' : outcome.kind === 'interrupted' ? 'interrupted' : 'error'
  if (outcome.kind === 'aborted') delete m.error
  else m.error = { kind: outcome.kind, message: outcome.message }
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

function tryUnlink(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // another instance's temp file, or already gone: harmless
  }
}
