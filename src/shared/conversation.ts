import type { ErrorKind, TurnTimings, Usage } from './turn-events'

/**
 * A saved conversation as the renderer sees it. The main process owns the
 * files; these shapes cross IPC unchanged, so keep them JSON-serialisable.
 */

/**
 * - complete: the model finished;
 * - partial: streaming now, or stopped by the user (text kept, Continue offered);
 * - interrupted: Hark died while it streamed (found on the next launch);
 * - error: the request failed; whatever came before the failure is kept.
 */
export type MessageStatus = 'complete' | 'partial' | 'interrupted' | 'error'

export interface StoredMessage {
  id: string
  role: 'user' | 'assistant'
  content: string
  reasoning?: string
  createdAt: number
  status: MessageStatus
  /** the turn that produced (or is producing) an assistant message */
  turnId?: string
  model?: string
  error?: { kind: ErrorKind; message: string }
  usage?: Usage | null
  timings?: TurnTimings
}

export interface ConversationSummary {
  id: string
  title: string
  createdAt: number
  updatedAt: number
  messageCount: number
}

export interface Conversation extends ConversationSummary {
  messages: StoredMessage[]
}

export interface SearchHit {
  conversationId: string
  title: string
  /** a short excerpt around the first match */
  snippet: string
  /** where it matched */
  in: 'title' | 'content'
}

/** Pushed to windows whenever stored conversations change. */
export interface ConversationsChanged {
  /** null when the list as a whole changed (start-up, delete) */
  conversationId: string | null
  reason: 'created' | 'updated' | 'renamed' | 'deleted' | 'turn-started' | 'turn-ended'
  /** set on turn-started / turn-ended so any window can follow the turn */
  turnId?: string
}

/** Text sent after a partial answer to make the model pick up where it stopped. */
export const CONTINUE_PROMPT = 'Continue from exactly where you stopped. Do not repeat anything you already wrote.'
