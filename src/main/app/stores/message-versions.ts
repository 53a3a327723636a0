import type { MessageVersions, StoredMessage } from '@shared/conversation'

/**
 * Versions of a conversation from one message on (see MessageVersions): the
 * message a Regenerate or an Edit replaces carries the versions it replaced,
 * so nothing the user saw is lost. These functions edit `messages` in place;
 * only the shown version's messages are ever in it.
 */

export interface SetAside {
  /** what the replacing message carries */
  versions?: MessageVersions
  /** where the replaced version now sits, to show it again if its replacement comes to nothing */
  keptAt?: number
}

/**
 * Takes `messages[at…]` out as a version to keep; the replacing version comes
 * last. An answer that never got any text is not worth a version (a failed
 * request, Retry).
 */
export function setAside(messages: StoredMessage[], at: number): SetAside {
  const tail = messages.splice(at)
  const head = tail[0]
  if (!head) return {}
  const { versions, ...bare } = head
  const prior = versions ?? { others: [], index: 0 }
  const others = [...prior.others]
  const empty = tail.length === 1 && head.role === 'assistant' && !head.content.trim()
  if (!empty) others.splice(prior.index, 0, [bare, ...tail.slice(1)])
  if (others.length === 0) return {}
  return { versions: { others, index: others.length }, ...(empty ? {} : { keptAt: prior.index }) }
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

/**
 * Drops the shown version from `messages[at…]` on and shows version `restore`
 * (the one it replaced) again, else the one before it.
 */
export function dropShown(messages: StoredMessage[], at: number, restore?: number): void {
  const versions = messages[at]?.versions
  messages.splice(at)
  if (!versions?.others.length) return
  const others = [...versions.others]
  const index =
    restore !== undefined && restore < others.length
      ? restore
      : Math.max(0, Math.min(versions.index, others.length) - 1)
  const [chosen] = others.splice(index, 1)
  messages.push(...withVersions(chosen!, others.length > 0 ? { others, index } : undefined))
}

function withVersions([head, ...rest]: StoredMessage[], versions: MessageVersions | undefined): StoredMessage[] {
  return [versions ? { ...head!, versions } : head!, ...rest]
}
