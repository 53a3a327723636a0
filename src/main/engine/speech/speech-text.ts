/**
 * Model text on its way to a synthesiser's stdin. Control characters go
 * (a NUL or an escape sequence has no business in speech), whitespace
 * collapses, and the ends are trimmed.
 */
export function cleanSpeechText(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Festival segfaults on text with no word it can pronounce ("", "...", "—",
 * a lone quote, "é", "日本"), so it only ever gets text with an ASCII letter
 * or digit in it.
 */
export function hasAsciiWord(text: string): boolean {
  return /[A-Za-z0-9]/.test(text)
}

/** Any letter or digit in any script. */
export function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text)
}
