/** Character classes the boundary rules need, across scripts. */

/** End a sentence when followed by a space (or a closing quote, then a space). */
const SPACED_TERMINATORS = '.!?…‼⁇⁈⁉'
/** End a sentence with no space needed: CJK, Devanagari, Arabic, Armenian, Ethiopic, Myanmar, Khmer. */
const UNSPACED_TERMINATORS = '。！？｡।॥؟۔։።፧။។'
/** May follow a terminator and still belong to the sentence. */
const CLOSERS = '"\'”’»)]}」』】〉》）〕'
const OPENERS = '([{“«「『【〈《（〔'
const CLOSE_OF: Record<string, string> = {
  ')': '(',
  ']': '[',
  '}': '{',
  '”': '“',
  '»': '«',
  '」': '「',
  '』': '『',
  '】': '【',
  '〉': '〈',
  '》': '《',
  '）': '（',
  '〕': '〔'
}
const CLAUSE_MARKS = ',;:—–'
const UNSPACED_CLAUSE_MARKS = '，、；：'

/** The common case, letters and digits of ASCII, decided without a lookup. */
export function isAsciiAlnum(c: string): boolean {
  const code = c.charCodeAt(0)
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
}

/** Whitespace; control characters count too, as they are never spoken. */
export function isSpaceChar(c: string): boolean {
  const code = c.charCodeAt(0)
  if (code <= 32) return true
  return code >= 0x80 && /^\s$/u.test(c)
}

export const isSpacedTerminator = (c: string): boolean => SPACED_TERMINATORS.includes(c)
export const isUnspacedTerminator = (c: string): boolean => UNSPACED_TERMINATORS.includes(c)
export const isTerminator = (c: string): boolean => isSpacedTerminator(c) || isUnspacedTerminator(c)
export const isCloser = (c: string): boolean => CLOSERS.includes(c)
export const isOpener = (c: string): boolean => OPENERS.includes(c)
export const isPairCloser = (c: string): boolean => c in CLOSE_OF
export const isClauseMark = (c: string): boolean => CLAUSE_MARKS.includes(c)
export const isUnspacedClauseMark = (c: string): boolean => UNSPACED_CLAUSE_MARKS.includes(c)
export const isLower = (c: string): boolean => /^\p{Ll}$/u.test(c)
export const isLetter = (c: string): boolean => /^\p{L}$/u.test(c)
export const hasWord = (s: string): boolean => /[\p{L}\p{N}]/u.test(s)
/** Scripts written without spaces between words, where an utterance cap is shorter. */
export const isCjk = (c: string): boolean =>
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u.test(c)
