import { describe, expect, it } from 'vitest'
import { ssipAddress } from '../../../../src/main/engine/speech/ssip-address'
import {
  clientNameCommand,
  messageIdOf,
  speakBlock,
  SsipReader,
  voiceCommands,
  type SsipReply
} from '../../../../src/main/engine/speech/ssip-protocol'
import { TtsError } from '../../../../src/main/engine/speech/speech-types'

function read(...chunks: string[]): { replies: SsipReply[]; errors: TtsError[] } {
  const replies: SsipReply[] = []
  const errors: TtsError[] = []
  const reader = new SsipReader(
    (r) => replies.push(r),
    (e) => errors.push(e)
  )
  chunks.forEach((c) => reader.feed(Buffer.from(c)))
  return { replies, errors }
}

describe('the text of a SPEAK', () => {
  it('ends with a lone dot line, and doubles a dot that starts a line so the text cannot end early', () => {
    expect(speakBlock('.\n..x\nplain. ends.')).toBe('..\r\n...x\r\nplain. ends.\r\n.\r\n')
  })

  it('normalises CR and CR LF to one line end and drops control characters', () => {
    expect(speakBlock('one\r\ntwo\rthree\u0007\u001b[31m\u0000four\tfive')).toBe(
      'one\r\ntwo\r\nthree[31mfour five\r\n.\r\n'
    )
  })
})

describe('SSIP commands', () => {
  it('maps a language and a rate onto SET commands', () => {
    expect(voiceCommands({ voice: 'en-GB', rate: 2 })).toEqual(['SET self LANGUAGE en-GB', 'SET self RATE 100'])
    expect(voiceCommands({ rate: 0.5 })).toEqual(['SET self RATE -100'])
    expect(voiceCommands({})).toEqual(['SET self RATE 0'])
  })

  it('refuses a voice that is not a language code, so no second command can ride along', () => {
    for (const voice of ['en\r\nQUIT', '--x', 'en us', 'en;x'])
      expect(() => voiceCommands({ voice }), voice).toThrow(TtsError)
    expect(() => voiceCommands({ rate: Number.NaN })).toThrow(TtsError)
  })

  it('names the client with only the characters SSIP allows', () => {
    expect(clientNameCommand('jo e\r\nQUIT')).toBe('SET self CLIENT_NAME jo_e__QUIT:hark:main')
  })
})

describe('reading SSIP replies', () => {
  it('assembles multi-line replies across chunk boundaries and reads the message id', () => {
    const { replies, errors } = read('225-4', '2\r\n225 OK MESS', 'AGE QUEUED\r\n701-42\r\n701-1\r\n701 BEGIN\r\n')
    expect(errors).toEqual([])
    expect(replies).toEqual([
      { code: 225, lines: ['42', 'OK MESSAGE QUEUED'] },
      { code: 701, lines: ['42', '1', 'BEGIN'] }
    ])
    expect(messageIdOf(replies[0]!)).toBe('42')
  })

  it('reports garbage as a protocol error and reads nothing after it', () => {
    const { replies, errors } = read('hello there\r\n208 OK\r\n')
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/broke the protocol/)])
    expect(replies).toEqual([])
  })

  it('holds at most one short line in memory: an endless line is an error, not a growing buffer', () => {
    const { errors } = read('208-' + 'x'.repeat(10_000))
    expect(errors).toHaveLength(1)
  })

  it('refuses a reply with endless continuation lines', () => {
    const { errors } = read('249-voice\r\n'.repeat(1000))
    expect(errors).toHaveLength(1)
  })
})

describe("speech-dispatcher's address", () => {
  it('is the socket under XDG_RUNTIME_DIR, or what SPEECHD_ADDRESS says', () => {
    expect(ssipAddress({ XDG_RUNTIME_DIR: '/run/user/1000' })).toEqual({
      kind: 'unix',
      path: '/run/user/1000/speech-dispatcher/speechd.sock'
    })
    expect(ssipAddress({ SPEECHD_ADDRESS: 'unix_socket:/tmp/s.sock' })).toEqual({ kind: 'unix', path: '/tmp/s.sock' })
    expect(ssipAddress({ SPEECHD_ADDRESS: 'inet_socket:127.0.0.1:7000' })).toEqual({
      kind: 'inet',
      host: '127.0.0.1',
      port: 7000
    })
    expect(ssipAddress({})).toBeNull()
  })

  it('is unknown when SPEECHD_ADDRESS is malformed', () => {
    for (const value of ['unix_socket:relative', 'inet_socket:host:99999', 'pipe:/x', 'inet_socket:a b'])
      expect(ssipAddress({ SPEECHD_ADDRESS: value }), value).toBeNull()
  })
})
