/**
 * What the live region says when utterances `from`…`to` have been cut: their
 * text in order, without the Markdown marks a screen reader would read out.
 * It reads only those utterances, and at most ANNOUNCE_MAX_CHARS of them, so
 * a burst of thousands of sentences (a huge answer streamed fast) costs no
 * more than a short one: the region is laid out, and read, on every change.
 */
export const ANNOUNCE_MAX_CHARS = 1_000

export function sentenceAnnouncement(
  text: string,
  ranges: ReadonlyArray<readonly [number, number] | undefined>,
  from: number,
  to: number
): string {
  const parts: string[] = []
  let room = ANNOUNCE_MAX_CHARS
  let i = from
  for (; i < to && room > 0; i++) {
    const range = ranges[i]
    if (!range) continue
    const [start, end] = range
    const cut = end - start > room
    const sentence = clean(text.slice(start, cut ? start + room : end))
    if (sentence) parts.push(cut ? `${sentence} …` : sentence)
    room -= cut ? room : sentence.length + 1
  }
  if (i < to && parts.length > 0 && !parts.at(-1)!.endsWith('…')) parts.push('…')
  return parts.join(' ')
}

function clean(sentence: string): string {
  return sentence.replace(/[*_#`>|]+/g, '').trim()
}
