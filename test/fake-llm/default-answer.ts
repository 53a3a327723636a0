/** About eight sentences of plain prose: long enough to be streamed in many chunks and spoken as several utterances. */
export const DEFAULT_ANSWER =
  'The sea breeze rolls in from the west every afternoon. ' +
  'It cools the town after a long and sunny morning. ' +
  'Fishermen mend their nets on the stone harbour wall. ' +
  'Children chase the gulls along the narrow beach. ' +
  'By six o’clock the cafés fill with quiet conversation. ' +
  'The lighthouse blinks its steady signal across the bay. ' +
  'Later the wind drops and the water turns to glass. ' +
  'Then the whole town settles down to sleep.'

/** Multibyte text for the split-UTF-8 scenario: accents, CJK, emoji. */
export const MULTIBYTE_ANSWER =
  'Café crème, naïve façade, Straße. 日本語のテキストです。 Ελληνικά γράμματα. Party time 🎉🚀 — done ✓.'

export const DEFAULT_REASONING = 'The user wants a short answer. I will describe the town in a few calm sentences.'
