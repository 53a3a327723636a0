import { describe, expect, it } from 'vitest'
import {
  cancelLine,
  parseReply,
  SAPI_ARGS,
  SAPI_SCRIPT,
  speakLine
} from '../../../../src/main/engine/speech/sapi-protocol'

const hostile = `Okay'); Remove-Item -Recurse C:\\ ; ("$(calc)\ncancel 1\nspeak 2 0  aGk=`

describe('SAPI line protocol', () => {
  it('runs one constant script, passed encoded so no quoting rule applies to it', () => {
    expect(SAPI_ARGS.slice(0, -1)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-EncodedCommand'])
    expect(Buffer.from(SAPI_ARGS.at(-1)!, 'base64').toString('utf16le')).toBe(SAPI_SCRIPT)
  })

  it('the script evaluates no text: nothing in it turns a string into code', () => {
    for (const evaluator of [
      /Invoke-Expression/i,
      /\biex\b/i,
      /ScriptBlock/i,
      /Invoke-Command/i,
      /Start-Process/i,
      /-TypeDefinition/i,
      /\$ExecutionContext/i,
      /&\s*\$/,
      /\.\s*\$/
    ]) {
      expect(SAPI_SCRIPT).not.toMatch(evaluator)
    }
    // no string in it expands a variable or subexpression: every literal is single-quoted
    expect(SAPI_SCRIPT).not.toMatch(/"/)
  })

  it('decoded values reach only the voice selection and the synthesiser', () => {
    const uses = SAPI_SCRIPT.split('\n').filter((l) => /Decode \$/.test(l))
    expect(uses.map((l) => l.trim())).toEqual([
      '$voice = Decode $f[3]',
      '$cur = @{ Id = $f[1]; Prompt = $s.SpeakAsync((Decode $f[4])); Started = $false; Cancelled = $false }'
    ])
    expect(
      SAPI_SCRIPT.split('\n')
        .filter((l) => l.includes('$voice'))
        .map((l) => l.trim())
    ).toEqual([
      '$voice = Decode $f[3]',
      'if (-not $voice) { $voice = $defaultVoice }',
      'if ($voice -ne $s.Voice.Name) { $s.SelectVoice($voice) }'
    ])
  })

  it('a speak line is one line of plain fields whatever the text, and decodes back to it', () => {
    const line = speakLine(7, -3, "Zira'; exit", hostile)
    expect(line).toMatch(/^speak 7 -3 [A-Za-z0-9+/=]* [A-Za-z0-9+/=]*\n$/)
    const [, , , voice, text] = line.trimEnd().split(' ')
    expect(Buffer.from(voice!, 'base64').toString('utf8')).toBe("Zira'; exit")
    expect(Buffer.from(text!, 'base64').toString('utf8')).toBe(hostile)
    expect(speakLine(1, 0, '', 'Hi')).toBe('speak 1 0  SGk=\n')
    expect(cancelLine(7)).toBe('cancel 7\n')
  })

  it('reads the replies it knows and nothing else', () => {
    expect(parseReply('started 3\r')).toEqual({ kind: 'started', id: 3 })
    expect(parseReply('done 3')).toEqual({ kind: 'done', id: 3 })
    expect(parseReply('cancelled 3')).toEqual({ kind: 'cancelled', id: 3 })
    const message = Buffer.from('voice not installed').toString('base64')
    expect(parseReply(`error 3 ${message}`)).toEqual({ kind: 'error', id: 3, message: 'voice not installed' })
    for (const noise of ['', 'ready', 'done', 'done x', 'done 3 extra', 'error 3 <b>', 'Windows PowerShell']) {
      expect(parseReply(noise)).toBeNull()
    }
  })
})
