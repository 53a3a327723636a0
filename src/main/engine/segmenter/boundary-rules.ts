import {
  BEFORE_NUMBER,
  INTRODUCES_TIME,
  NEVER_FINAL,
  NEVER_FINAL_PAIRS,
  SENTENCE_OPENERS,
  TIMES_OF_DAY
} from './abbreviations'
import { isLower } from './scripts'

/** 'look': the next word decides (after an initial or acronym). */
export type Verdict = 'yes' | 'no' | 'look'

/** What is known around a period besides the word it ends. */
export interface PeriodContext {
  /** the word is the first of the utterance ("1. Introduction") */
  opens: boolean
  /** the word before, with its own punctuation ("p." before "ej") */
  prev: string
  /** the utterance before the word, when short ("At 5"), else '' */
  head: string
}

const INITIAL = /^\p{Lu}$/u
/** "z." of "z. B.", "d." of "d. h.": a capital after it may be the second half */
const LOWER_INITIAL = /^\p{Ll}$/u
const ACRONYM = /^(?:\p{Lu}\.)+\p{Lu}$/u
const LEADING_OPENERS = /^[("'“‘[{¿¡«]+/u
const isUpper = (c: string): boolean => /^\p{Lu}$/u.test(c)
const isDigit = (c: string): boolean => c >= '0' && c <= '9'

/**
 * Does `terms` (the terminator run) after `word` end the sentence, given the
 * next non-space character `next`? Only the word before, the word itself and
 * the character after are looked at, so the decision costs the same wherever
 * it falls.
 */
export function verdict(word: string, terms: string, next: string, ctx: PeriodContext): Verdict {
  if (isLower(next)) return 'no'
  if (terms !== '.') return 'yes'
  const w = word.replace(LEADING_OPENERS, '')
  if (ctx.opens && /^\d+$/.test(w)) return 'no'
  const lower = w.toLowerCase()
  if (NEVER_FINAL.has(lower) || NEVER_FINAL_PAIRS.has(`${ctx.prev.toLowerCase()} ${lower}`)) return 'no'
  if (BEFORE_NUMBER.has(lower) && isDigit(next)) return 'no'
  if (TIMES_OF_DAY.has(lower)) return isUpper(next) && INTRODUCES_TIME.test(ctx.head) ? 'no' : 'yes'
  // "you and I. Did…": after a lower-case word, I is the pronoun, not an initial
  if (w === 'I' && ctx.prev !== '' && isLower(ctx.prev[0]!)) return 'yes'
  if ((INITIAL.test(w) || ACRONYM.test(w) || LOWER_INITIAL.test(w)) && isUpper(next)) return 'look'
  return 'yes'
}

/** After 'look': the following capitalised word. */
export function lookVerdict(nextWord: string): boolean {
  return SENTENCE_OPENERS.has(nextWord)
}

/**
 * A spaced ellipsis (". . .") after `attached` (a word directly before the
 * first dot) or after a space, followed by a non-lower-case character. Returns
 * how many dots of the run stay with this sentence (0: no boundary):
 * "compounds. . . . The" keeps one, the rest opens the next sentence;
 * "period . . . . Next" keeps all four; "is . . . I" is an omission, no boundary.
 */
export function spacedEllipsisCut(dots: number, attached: boolean): number {
  if (attached) return dots >= 4 ? 1 : dots
  return dots >= 4 ? dots : 0
}
