/**
 * A turn's answer text as a window assembles it from deltas. A delta's `at`
 * says where it starts in the answer, so each lands where it belongs however
 * it arrives: one starting inside the text so far adds only what lies past its
 * end (a repeat adds nothing), one starting past the end waits until the text
 * reaches it (it came early).
 */
export interface StreamedText {
  text: string
  /**
   * `text` starts at the answer's first character: the window saw the turn
   * start, or was given the text so far. Only then can a delta's `at` offset
   * be trusted; a window that joined mid-turn appends blindly until it is
   * given the text so far.
   */
  aligned: boolean
  /** deltas that start past the end of `text`, in offset order: few, and gone once the gap fills */
  ahead: ReadonlyArray<HeldDelta>
}

interface HeldDelta {
  at: number
  text: string
}

/**
 * A gap this many deltas wide is text that never came: what is held is shown, and later deltas
 * are appended as they come, until the window is given the text so far.
 */
const AHEAD_LIMIT = 64

export function streamedText(aligned: boolean): StreamedText {
  return { text: '', aligned, ahead: [] }
}

/** The text with the delta `text` placed at `at`; the same object when nothing changes. */
export function placeDelta(s: StreamedText, text: string, at: number | undefined): StreamedText {
  if (!text) return s
  if (at === undefined || !s.aligned) return { ...pick(s), text: s.text + text }
  if (at > s.text.length) return hold(s, { at, text })
  const fresh = newPartOf(s.text, text, at)
  return fresh ? drain({ ...pick(s), text: s.text + fresh }) : s
}

/** Main's own copy of the text so far: aligned from here on, with the held deltas that lie past it. */
export function replaceText(s: StreamedText, text: string): StreamedText {
  return drain({ text, aligned: true, ahead: s.ahead })
}

function pick({ text, aligned, ahead }: StreamedText): StreamedText {
  return { text, aligned, ahead }
}

function hold(s: StreamedText, delta: HeldDelta): StreamedText {
  const ahead = [...s.ahead, delta].sort((a, b) => a.at - b.at)
  if (ahead.length <= AHEAD_LIMIT) return { ...pick(s), ahead }
  const text = ahead.reduce((shown, d) => shown + newPartOf(shown, d.text, Math.min(d.at, shown.length)), s.text)
  return { text, aligned: false, ahead: [] }
}

/** Appends the held deltas the text has now reached. */
function drain(s: StreamedText): StreamedText {
  let { text } = s
  let taken = 0
  for (const d of s.ahead) {
    if (d.at > text.length) break
    text += newPartOf(text, d.text, d.at)
    taken++
  }
  return taken === 0 ? s : { text, aligned: s.aligned, ahead: s.ahead.slice(taken) }
}

/** The part of `text`, which starts at `at` in the answer, that lies past the end of `shown`. */
function newPartOf(shown: string, text: string, at: number): string {
  return text.slice(Math.max(0, shown.length - at))
}
