/**
 * Which conversation a spoken question joins. 'new' always starts one.
 * 'current' joins the conversation the main window shows (null there means
 * the user opened a new, empty one), or, when the window never said, the last
 * conversation Hark was talking in.
 */
export function voiceConversation(
  target: 'current' | 'new',
  shown: string | null | undefined,
  lastSpoken: string | undefined
): string | undefined {
  if (target === 'new') return undefined
  if (shown === undefined) return lastSpoken
  return shown ?? undefined
}
