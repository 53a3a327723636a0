import type { MessageVersions, StoredMessage } from '@shared/conversation'

/**
 * Versions of a conversation from one message on (see MessageVersions): the
 * message a Regenerate or an Edit replaces carries the versions it replaced,
 * so nothing the user saw is lost. These functions edit `messages` in place;
 * only the shown version's messages are ever in it.
 */

/**
 * Takes `messages[at…]` out as a version to keep and returns the versions the
 * replacing message should carry. An answer that never got any text is not
 * worth a version (a failed request, Retry).
 */
export function setAside(messages: StoredMessage[], at: number): MessageVersions | undefined {
  const tail = messages.splice(at)
  const head = tail[0]
  if (!head) return undefined
  const { versions, ...bare } = head
  const prior = versions ?? { others: [], index: 0 }
  const others = [...prior.others]
  const empty = tail.length === 1 && head.role === 'assistant' && !head.content.trim()
  if (!empty) others.splice(prior.index, 0, [bare, ...tail.slice(1)])
  return others.length > 0 ? { others, index: others.length } : undefined
}

/** Shows version `index` (0-based among all) of the conversation from `messages[at]` on. */
export function showVersion(messages: StoredMessage[], at: number, index: number): void {
  const versions = messages[at]?.versions
  if (!versions || !Number.isInteger(index) || index < 0 || index > versions.others.length)
    throw new RangeError('no such version')
  if (index === versions.index) return
  const tail = messages.splice(at)
  const { versions: _shown, ...bare } = tail[0]!
  const all = [...versions.others]
  all.splice(versions.index, 0, [bare, ...tail.slice(1)])
  const [chosen] = all.splice(index, 1)
  messages.push(...withVersions(chosen!, { others: all, index }))
}

/** Drops the shown version from `messages[at]` on and shows the one before it again (a regenerate stopped before any text). */
export function dropShown(messages: StoredMessage[], at: number): void {
  const versions = messages[at]?.versions
  messages.splice(at)
  if (!versions?.others.length) return
  const others = [...versions.others]
  const index = Math.max(0, Math.min(versions.index, others.length) - 1)
  const [chosen] = others.splice(index, 1)
  messages.push(...withVersions(chosen!, others.length > 0 ? { others, index } : undefined))
}

function withVersions([head, ...rest]: StoredMessage[], versions: MessageVersions | undefined): StoredMessage[] {
  return [versions ? { ...head!, versions } : head!, ...rest]
}
