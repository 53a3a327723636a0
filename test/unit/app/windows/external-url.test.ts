import { describe, expect, it } from 'vitest'
import { externalUrl } from '../../../../src/main/app/windows/external-url'

describe('externalUrl', () => {
  it('passes http and https links on as parsed', () => {
    expect(externalUrl('https://example.com/a b?q=1')).toBe('https://example.com/a%20b?q=1')
    expect(externalUrl('http://example.com')).toBe('http://example.com/')
  })

  it('refuses every other scheme and anything unparsable', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'vscode://x', 'not a url']) {
      expect(externalUrl(url)).toBeNull()
    }
  })

  it('drops attach= and every other mailto field a mail client would act on', () => {
    expect(externalUrl('mailto:a@example.com?attach=/home/me/.ssh/id_rsa&subject=Hi%20there')).toBe(
      'mailto:a@example.com?subject=Hi%20there'
    )
    expect(externalUrl('mailto:a@example.com?ATTACHMENT=~/.ssh/id_rsa')).toBe('mailto:a@example.com')
  })

  it('keeps to, cc, bcc, subject and body', () => {
    expect(externalUrl('mailto:a@example.com,b@example.com?cc=c@example.com&body=line%0Atwo')).toBe(
      'mailto:a@example.com,b@example.com?cc=c%40example.com&body=line%0Atwo'
    )
  })

  it('refuses a mailto whose address smuggles a query or a header', () => {
    expect(externalUrl('mailto:a@example.com%3Fattach=/etc/passwd')).toBeNull()
    expect(externalUrl('mailto:a@example.com?cc=x%3Fattach=/etc/passwd')).toBeNull()
  })
})
