import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WavTtsEngine } from '../../../../src/main/engine/speech/wav-tts-engine'
import { FakePlayer } from './fake-player'
import { makeWav, paddedTone } from './wav-fixture'

let player: FakePlayer
beforeEach(() => (player = new FakePlayer()))
afterEach(() => player.restore())

/** A synthesiser started ahead of the text (so a player waits too) that writes this WAV. */
function engineWriting(wav: Buffer): WavTtsEngine {
  const file = join(player.dir, 'synth.wav')
  writeFileSync(file, wav)
  player.script('fake-synth', `cat > /dev/null\ncat "${file}"`)
  return new WavTtsEngine(
    {
      name: 'fake-synth',
      binary: 'fake-synth',
      missingHint: '',
      args: () => [],
      canSpeak: () => true,
      warmStart: true,
      format: { rate: 16000, channels: 1 }
    },
    { findPlayer: () => ({ cmd: 'paplay', args: [] }), trimSilence: false }
  )
}

async function speakWith(wav: Buffer): Promise<void> {
  const engine = engineWriting(wav)
  engine.warm({})
  await engine.speak('Hello there.', { signal: new AbortController().signal })
}

/** 24-bit samples: what a synthesiser set to high quality may write */
function wav24(): Buffer {
  const wav = makeWav(paddedTone(0, 0.1, 0))
  const samples = wav.subarray(44)
  const data = Buffer.alloc((samples.length / 2) * 3)
  for (let i = 0; i < samples.length / 2; i++) data.writeIntLE(samples.readInt16LE(2 * i) * 256, 3 * i, 3)
  const out = Buffer.concat([wav.subarray(0, 44), data])
  out.writeUInt32LE(16000 * 3, 28)
  out.writeUInt16LE(3, 32)
  out.writeUInt16LE(24, 34)
  out.writeUInt32LE(data.length, 40)
  out.writeUInt32LE(out.length - 8, 4)
  return out
}

function sixChannels(): Buffer {
  const wav = makeWav(paddedTone(0, 0.1, 0))
  wav.writeUInt16LE(6, 22)
  return wav
}

/** a LIST chunk of metadata before the samples, longer than a streamed header is allowed to be */
function longHeader(): Buffer {
  const wav = makeWav(paddedTone(0, 0.1, 0))
  const list = Buffer.alloc(8 + 6000)
  list.write('LIST', 0, 'ascii')
  list.writeUInt32LE(6000, 4)
  const out = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)])
  out.writeUInt32LE(out.length - 8, 4)
  return out
}

describe('a WAV synthesiser with a player waiting', () => {
  it('streams a 16-bit WAV raw through the waiting player', async () => {
    const wav = makeWav(paddedTone(0, 0.1, 0))
    await speakWith(wav)
    const [run, ...others] = player.played()
    expect(others).toEqual([])
    expect(run!.argv).toContain('--raw')
    expect(run!.audio.equals(wav.subarray(44))).toBe(true)
  })

  it.each([
    ['24-bit samples', wav24],
    ['more than two channels', sixChannels],
    ['a header longer than a streamed one', longHeader]
  ])('plays a WAV with %s whole, as the player reads it, instead of refusing it', async (_what, make) => {
    const wav = make()
    await speakWith(wav)
    const [run, ...others] = player.played()
    expect(others).toEqual([])
    expect(run!.argv).not.toContain('--raw')
    expect(run!.audio.subarray(0, 4).toString('ascii')).toBe('RIFF')
    expect(run!.audio.length).toBe(wav.length)
  })
})
