import { describe, expect, it } from 'vitest'
import {
  isListedDevice,
  listRecorderDevices,
  parseArecordList
} from '../../../../src/main/engine/voice/recorder-devices'
import { recorderCommand } from '../../../../src/main/engine/voice/recorder-binary'
import { SPEECH_PCM } from '../../../../src/main/engine/voice/pcm-format'

const arecordL = `null
    Discard all samples (playback) or generate zero samples (capture)
pulse
    PulseAudio Sound Server
default
    Default ALSA Output (currently PulseAudio Sound Server)
hw:CARD=PCH,DEV=0
    HDA Intel PCH, ALC3246 Analog
    Direct hardware device without any conversions
file:'|touch /tmp/x'
    a hostile asoundrc could list this
`

describe('listRecorderDevices', () => {
  it('offers default first, then the plain names arecord -L lists', async () => {
    const devices = await listRecorderDevices('arecord', async (cmd, args) => {
      expect([cmd, ...args]).toEqual(['arecord', '-L'])
      return arecordL
    })
    expect(devices).toEqual(['default', 'null', 'pulse', 'hw:CARD=PCH,DEV=0'])
  })

  it('offers only default when the recorder lists nothing (sox, rec, or arecord failing)', async () => {
    expect(await listRecorderDevices('sox', async () => 'ignored')).toEqual(['default'])
    expect(await listRecorderDevices('arecord', async () => '')).toEqual(['default'])
  })

  it('parses names at the start of lines, never descriptions', () => {
    expect(parseArecordList(arecordL)).toContain('pulse')
    expect(parseArecordList(arecordL)).not.toContain('PulseAudio Sound Server')
  })
})

describe('isListedDevice', () => {
  const listed = ['default', 'pulse', 'hw:CARD=PCH,DEV=0']
  it.each(["file:'|touch /tmp/pwned'", 'plug:{slave pulse}', '-D', 'pulse;id', 'hw:0 pulse', 'a/b'])(
    'refuses %s even when a list names it',
    (device) => expect(isListedDevice(device, [...listed, device])).toBe(false)
  )
  it('accepts the default and listed names', () => {
    expect(isListedDevice('', listed)).toBe(true)
    expect(isListedDevice('hw:CARD=PCH,DEV=0', listed)).toBe(true)
    expect(isListedDevice('unlisted', listed)).toBe(false)
  })
})

describe('recorderCommand', () => {
  it('passes the device to arecord as one argument and to sox through AUDIODEV, never through a shell', () => {
    expect(recorderCommand('arecord', SPEECH_PCM, 'pulse')).toEqual({
      cmd: 'arecord',
      args: ['-D', 'pulse', '-q', '-r', '16000', '-c', '1', '-t', 'raw', '-f', 'S16_LE', '-'],
      env: {}
    })
    expect(recorderCommand('arecord', SPEECH_PCM, '').args).not.toContain('-D')
    expect(recorderCommand('sox', SPEECH_PCM, 'hw:1').env).toEqual({ AUDIODEV: 'hw:1' })
    expect(recorderCommand('rec', SPEECH_PCM, '').env).toEqual({})
  })
})
