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
  /**
   * Set on a message that was answered again (Regenerate) or asked again (Edit and resend):
   * the other versions of the conversation from this message on. Only the shown version's
   * messages are in `messages`, and only they are sent to the model.
   */
  versions?: MessageVersions
}

export interface MessageVersions {
  /** the versions not shown, oldest first; each is this message and everything after it */
  others: StoredMessage[][]
  /** where the shown version sits among all of them (0-based, so it is `index + 1` of `others.length + 1`) */
  index: number
}

/** Who named a conversation: absent, its title is still the first line of the first question. */
export type TitleSource = 'model' | 'user'

export interface ConversationSummary {
  id: string
  title: string
  createdAt: number
  updatedAt: number
  messageCount: number
  /** the model picked for this conversation; absent: the provider's default */
  model?: string
  titleBy?: TitleSource
}

export interface Conversation extends ConversationSummary {
  messages: StoredMessage[]
}

export interface SearchHit {
  conversationId: string
  title: string
  /** a short excerpt around the first match, as plain text (markdown removed) */
  snippet: string
  /** where the query sits in `snippet`, to highlight it */
  match: { at: number; length: number }
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

/** A model name as providers spell them ("gpt-4o-mini", "meta-llama/llama-3.1-8b:free", "llama3.2:latest"). */
export const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/

/** Text sent after a partial answer to make the model pick up where it stopped. */
export const CONTINUE_PROMPT = 'Continue from exactly where you stopped. Do not repeat anything you already wrote.'
