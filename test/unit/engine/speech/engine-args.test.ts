import { describe, expect, it } from 'vitest'
import { espeakArgs, parseEspeakVoices } from '../../../../src/main/engine/speech/espeak-engine'
import { checkedSayVoice, guardLeadingDash } from '../../../../src/main/engine/speech/say-engine'
import { TtsError } from '../../../../src/main/engine/speech/speech-types'

describe('espeak-ng arguments', () => {
  it('reads text from stdin, never argv', () => {
    expect(espeakArgs({ voice: 'en-us', rate: 2 })).toEqual(['--stdout', '--stdin', '-v', 'en-us', '-s', '350'])
  })

  it('rejects a voice that looks like an option or carries odd characters', () => {
    for (const voice of ['-w/tmp/x', 'en us', 'en;rm']) expect(() => espeakArgs({ voice })).toThrow(TtsError)
  })

  it('parses the language codes out of `espeak-ng --voices`', () => {
    const listing =
      'Pty Language       Age/Gender VoiceName          File                 Other Languages\n 5  af              --/M      Afrikaans          gmw/af\n 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)\n'
    expect(parseEspeakVoices(listing)).toEqual(['af', 'en-us'])
  })
})

describe('say package guards (macOS, Windows)', () => {
  it('only lets plain voice names reach the PowerShell command', () => {
    expect(checkedSayVoice('Microsoft Zira Desktop')).toBe('Microsoft Zira Desktop')
    expect(checkedSayVoice('')).toBeUndefined()
    for (const voice of ["Zira'); Remove-Item x; ('", 'a$b', 'a`b', '-v', 'a"b']) {
      expect(() => checkedSayVoice(voice), voice).toThrow(TtsError)
    }
  })

  it('keeps text starting with a dash from being read as an option by macOS say', () => {
    expect(guardLeadingDash('-o /tmp/x hi')).toBe(' -o /tmp/x hi')
    expect(guardLeadingDash('hello')).toBe('hello')
  })
})
