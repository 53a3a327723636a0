import { BEFORE_NUMBER, NEVER_FINAL, SENTENCE_OPENERS } from './abbreviations'
import { isLower } from './scripts'

/** 'look': the next word decides (after an initial or a dotted acronym). */
export type Verdict = 'yes' | 'no' | 'look'

const INITIAL = /^\p{Lu}$/u
const ACRONYM = /^(?:\p{Lu}\.)+\p{Lu}$/u
const LEADING_OPENERS = /^[("'“‘[{¿¡«]+/u

/**
 * Does `terms` (the terminator run) after `word` end the sentence, given the
 * next non-space character `next`? Only the word before and the character
 * after are looked at, so the decision costs the same wherever it falls.
 * `opens`: the word is the first of the utterance ("1. Introduction").
 */
export function verdict(word: string, terms: string, next: string, opens = false): Verdict {
  if (isLower(next)) return 'no'
  if (terms !== '.') return 'yes'
  const w = word.replace(LEADING_OPENERS, '')
  if (opens && /^\d+$/.test(w)) return 'no'
  const lower = w.toLowerCase()
  if (NEVER_FINAL.has(lower)) return 'no'
  if (BEFORE_NUMBER.has(lower) && next >= '0' && next <= '9') return 'no'
  if ((INITIAL.test(w) || ACRONYM.test(w)) && /^\p{Lu}$/u.test(next)) return 'look'
  return 'yes'
}

/** After 'look': the following capitalised word. */
export function lookVerdict(nextWord: string): boolean {
  return SENTENCE_OPENERS.has(nextWord)
}
