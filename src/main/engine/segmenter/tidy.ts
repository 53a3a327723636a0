/**
 * Final touch on an utterance: no space before closing punctuation or after an
 * opening bracket, as left behind by removed emoji, tags or markup. Marks that
 * are not at a word's edge (":(" in "Smile :( sadly") are left alone, and so is
 * an ellipsis the writer spaced (". . .", "really ... well").
 */
export function tidy(text: string): string {
  return text
    .replace(/(?<!\.) (?!\.\.|\. \.)([.,!?;:…)\]}»”%。！？，、]+)(?=\s|$)/gu, '$1')
    .replace(/(^|\s)([([{«“]) /gu, '$1$2')
}
