import type { EndOfTurnPolicy } from '../../../shared/settings'

/**
 * How much trailing silence ends a spoken turn. With the 'fixed' policy it is
 * always the configured silence. With 'smart' it follows what has been said so
 * far (the speculative transcript taken at the pause): a finished sentence or
 * question ends the turn after half the silence, words that trail off ("and
 * then…", "so um") wait twice as long, and anything else, or no transcript
 * yet, waits the configured silence.
 */

export type Completeness = 'complete' | 'trailing' | 'unsure'

/** silence after which a pause is worth a speculative transcription */
export const PAUSE_MS = 200
/** the wait for a finished sentence never drops below this: a breath between sentences is longer */
const MIN_COMPLETE_WAIT_MS = 300

const words = (list: string): Set<string> => new Set(list.split(' '))
/**
 * Words a finished thought does not end on, even when the recogniser put a
 * full stop after them (Whisper ends nearly every transcript with one):
 * fillers, conjunctions, articles, possessives, and the prepositions and
 * subordinators that need what follows ("the history of.").
 */
const DANGLING = words(
  'and but or nor so because cause then plus also um uh er erm hmm mm like well ' +
    'the a an my your our their its of to into from for with at than if unless although though whereas whose'
)
/** words that end a sentence only when it says so: "turn the lights on." is finished, "turn the lights on" may go on */
const OPEN_ENDED = words(
  'that which when while where since in on about by as this these those his her is are was were be been am'
)
/** a question opener with a few words after it is a question even without a question mark */
const QUESTION_OPENERS = words(
  'what who whom whose where when why how which is are was were do does did can could will would ' +
    'should shall may might have has had tell explain'
)
const MIN_QUESTION_WORDS = 3

/**
 * Whether a transcript reads as a finished sentence, one that trails off, or
 * neither. A question or exclamation mark is trusted ("Where are you from?");
 * a trailing comma, dash or ellipsis, or a dangling last word, outweighs a
 * full stop.
 */
export function completenessOf(transcript: string): Completeness {
  const text = transcript.trim()
  const all = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []
  const last = all.at(-1)
  if (last === undefined) return 'unsure'
  if (/[?!]["')\]]?$/.test(text)) return 'complete'
  if (/(\.\.\.|…|,|;|:|-|–|—)$/.test(text) || DANGLING.has(last)) return 'trailing'
  if (/\.["')\]]?$/.test(text)) return 'complete'
  if (OPEN_ENDED.has(last)) return 'trailing'
  if (all.length >= MIN_QUESTION_WORDS && QUESTION_OPENERS.has(all[0]!)) return 'complete'
  return 'unsure'
}

/** Trailing silence (ms) that ends the turn, given what has been heard so far (null: no transcript yet). */
export function endOfTurnSilenceMs(policy: EndOfTurnPolicy, silenceMs: number, transcript: string | null): number {
  if (policy === 'fixed' || transcript === null) return silenceMs
  switch (completenessOf(transcript)) {
    case 'complete':
      return Math.max(MIN_COMPLETE_WAIT_MS, Math.round(silenceMs / 2))
    case 'trailing':
      return silenceMs * 2
    case 'unsure':
      return silenceMs
  }
}
