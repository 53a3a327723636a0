/**
 * Inline HTML in an answer: known tags are silent, `<https://…>` autolinks and
 * `<a@b.c>` emails are spoken; anything else (`x<y`, `<T>`) is plain text.
 */
const KNOWN_TAGS = new Set(
  (
    'a abbr b bdi big blockquote br center cite code dd del details dfn div dl dt em font ' +
    'h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp section small span strike ' +
    'strong sub summary sup table tbody td tfoot th thead tr tt u ul var wbr'
  ).split(' ')
)
/** Tags that separate words when removed. */
const SPACING_TAGS = new Set('br p div li tr td th hr dd dt h1 h2 h3 h4 h5 h6 blockquote section'.split(' '))

export type TagReading =
  { kind: 'silent'; spacing: boolean } | { kind: 'speak'; from: number; to: number } | { kind: 'literal' }

const TAG = /^<\/?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?\/?>$/
const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:www\.)?([^/?#:<>\s]+)[^<>\s]*>$/
const EMAIL = /^<(?:mailto:)?([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>$/

/** Reads a complete `<…>` run. Indexes in a `speak` reading are into `s`. */
export function readTag(s: string): TagReading {
  const tag = TAG.exec(s)
  if (tag) {
    const name = tag[1]!.toLowerCase()
    if (KNOWN_TAGS.has(name)) return { kind: 'silent', spacing: SPACING_TAGS.has(name) }
  }
  for (const re of [AUTOLINK, EMAIL]) {
    const m = re.exec(s)
    if (m) {
      const from = s.indexOf(m[1]!, 1)
      return { kind: 'speak', from, to: from + m[1]!.length }
    }
  }
  return { kind: 'literal' }
}

/** A `<` can only open a tag, autolink or email when followed by one of these. */
export function mayOpenTag(second: string): boolean {
  return /^[A-Za-z/]$/.test(second)
}

/** Longest `<…>` run held back before it is read as plain text. */
export const MAX_TAG = 120

/**
 * Called when a space follows `<name`: only a known tag may go on to
 * attributes, so `<T extends U>` or `a <b and c` is released at once.
 */
export function mayHaveAttributes(opened: string): boolean {
  const m = /^<([A-Za-z][A-Za-z0-9]*)$/.exec(opened)
  return m !== null && KNOWN_TAGS.has(m[1]!.toLowerCase())
}
