import { CONJUNCTIONS } from './abbreviations'
import { isClauseMark, isUnspacedClauseMark } from './scripts'

/**
 * Where to cut a run-on that outgrew `limit` characters: after the last clause
 * mark, else before the last conjunction, else at the last space, else hard at
 * the limit. Never closer to the start than a third of the limit, so the rest
 * stays short and each character is examined a bounded number of times.
 */
export function splitPoint(chars: readonly string[], prot: readonly boolean[], limit: number): number {
  const min = Math.max(1, Math.floor(limit / 3))
  const top = Math.min(limit, chars.length - 1)
  for (let i = top - 1; i >= min; i--) {
    if (prot[i]) continue
    const c = chars[i]!
    if (isUnspacedClauseMark(c) || (isClauseMark(c) && chars[i + 1] === ' ')) return i + 1
  }
  for (let i = top - 1; i >= min; i--) {
    if (chars[i] === ' ' && !prot[i] && startsConjunction(chars, i + 1)) return i
  }
  for (let i = top - 1; i >= min; i--) {
    if (chars[i] === ' ' && !prot[i]) return i
  }
  return top
}

function startsConjunction(chars: readonly string[], at: number): boolean {
  return CONJUNCTIONS.some((word) => {
    for (let k = 0; k < word.length; k++) if (chars[at + k] !== word[k]) return false
    return chars[at + word.length] === ' '
  })
}

/**
 * The first-fragment cut: just after the first clause mark that follows at
 * least four words (four characters in CJK), before `limit`. A comma counts
 * only when a space follows, so "1,5" is never cut. Returns -1 if none.
 */
export function fragmentPoint(chars: readonly string[], prot: readonly boolean[], limit: number): number {
  let words = 1
  let letters = 0
  for (let i = 0; i < limit; i++) {
    const c = chars[i]!
    if (c === ' ') words++
    else letters++
    if (prot[i]) continue
    if (isUnspacedClauseMark(c) && letters >= 5) return i + 1
    if (isClauseMark(c) && chars[i + 1] === ' ' && words >= 4) return i + 1
  }
  return -1
}
