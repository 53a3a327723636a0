/** What of a web address is worth saying: its host, without `www.`. */

/** Openers of a bare URL in prose. */
export const URL_OPENERS = ['http://', 'https://', 'www.'] as const

/** Characters that may close a URL's text but usually belong to the sentence. */
export const TRAILING_PUNCT = ".,;:!?'"

/** Characters that can never be part of a bare URL in prose. */
export function endsUrl(ch: string): boolean {
  return /^[\s<>"`*|[\]{}\\^]$/u.test(ch)
}

/** Whether `s` could still grow into one of the URL openers. */
export function mayOpenUrl(s: string): boolean {
  return URL_OPENERS.some((o) => o.startsWith(s))
}

export function isUrlOpener(s: string): boolean {
  return (URL_OPENERS as readonly string[]).includes(s)
}

/** Host characters of a URL, with their offsets, minus a leading `www.`. */
export function spokenHost(host: Array<[string, number]>): Array<[string, number]> {
  const text = host
    .map(([c]) => c)
    .join('')
    .toLowerCase()
  return text.startsWith('www.') ? host.slice(4) : host
}

/** Ends a host: path, query, fragment or port. */
export const HOST_END = '/?#:'
