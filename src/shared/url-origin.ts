/** An http(s) URL's origin, the unit a key is bound to; null for anything else. */
export function originOf(url: string): string | null {
  try {
    const { protocol, origin } = new URL(url)
    return protocol === 'http:' || protocol === 'https:' ? origin : null
  } catch {
    return null
  }
}
