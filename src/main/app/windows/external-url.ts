/**
 * What a link in a page may open outside the app. The OS is handed the URL
 * rebuilt from its parsed parts, never the page's raw string: http(s) as
 * parsed, mailto with only its address and the fields a mail client fills in
 * (to, cc, bcc, subject, body) — `attach=` and the like would hand a local
 * file to the mail client.
 */

const MAIL_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body'])
const ADDRESS = /^[^\s?&<>"'%\\]+@[^\s?&<>"'%\\]+$/

export function externalUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') return url.href
  if (url.protocol === 'mailto:') return mailto(url)
  return null
}

function mailto(url: URL): string | null {
  const to = safeDecode(url.pathname)
  if (to === null || !addresses(to)) return null
  const fields: string[] = []
  for (const [key, value] of url.searchParams) {
    const name = key.toLowerCase()
    if (!MAIL_FIELDS.has(name)) continue
    if ((name === 'to' || name === 'cc' || name === 'bcc') && !addresses(value)) return null
    fields.push(`${name}=${encodeURIComponent(value)}`)
  }
  const address = to
    .split(',')
    .map((a) => encodeURIComponent(a.trim()))
    .join(',')
  return `mailto:${address.replaceAll('%40', '@')}${fields.length ? `?${fields.join('&')}` : ''}`
}

function addresses(list: string): boolean {
  return list === '' || list.split(',').every((a) => ADDRESS.test(a.trim()))
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}
