import type { ErrorKind } from '@shared/turn-events'

/** The engine's message is already human; add what to do for the kinds a user can fix. */
export function describeError(kind: ErrorKind | string | undefined, message: string | undefined): string {
  const base = message?.trim() || 'The answer failed.'
  switch (kind) {
    case 'config':
    case 'auth':
      return `${base} Open Settings to check the provider and key.`
    case 'not-found':
      return `${base} Check the model name and base URL in Settings.`
    case 'network':
      return `${base} Check your connection, then Retry.`
    default:
      return base
  }
}
