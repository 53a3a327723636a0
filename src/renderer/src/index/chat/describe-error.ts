import type { ErrorKind } from '@shared/turn-events'

/** The one thing to do about a failure besides Retry and Continue, which sit next to it. */
export type ErrorAction =
  { type: 'open-settings'; section: 'provider'; label: string } | { type: 'new-conversation'; label: string }

export interface ErrorCopy {
  /** what happened, in one sentence */
  sentence: string
  action: ErrorAction | null
}

const OPEN_PROVIDER_SETTINGS: ErrorAction = { type: 'open-settings', section: 'provider', label: 'Open Settings' }

/**
 * The engine's message says what happened and then what to do; on screen the
 * button does the doing, so only its first sentence is kept.
 */
export function describeError(kind: ErrorKind | string | undefined, message: string | undefined): ErrorCopy {
  const sentence = firstSentence(message?.trim() || 'The answer failed.')
  switch (kind) {
    case 'config':
    case 'auth':
    case 'not-found':
      return { sentence, action: OPEN_PROVIDER_SETTINGS }
    case 'context-length':
      return { sentence, action: { type: 'new-conversation', label: 'New conversation' } }
    default:
      return { sentence, action: null }
  }
}

/** Up to the first ". " followed by a capital: host names and versions ("127.0.0.1.") do not end it early. */
function firstSentence(text: string): string {
  const end = /[.!?](?=\s+[A-Z(])/.exec(text)
  const first = end ? text.slice(0, end.index + 1) : text
  return /[.!?]$/.test(first) ? first : `${first}.`
}
