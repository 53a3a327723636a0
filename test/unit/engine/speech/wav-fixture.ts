/** A 16 kHz mono 16-bit WAV; `sizeField` overrides both size fields, as a pipe-writing synthesiser leaves them. */
export function makeWav(samples: Int16Array, sizeField?: number): Buffer {
  const dataBytes = samples.length * 2
  const wav = Buffer.alloc(44 + dataBytes)
  wav.write('RIFF', 0, 'ascii')
  wav.writeUInt32LE(sizeField ?? 36 + dataBytes, 4)
  wav.write('WAVEfmt ', 8, 'ascii')
  wav.writeUInt32LE(16, 16)
  wav.writeUInt16LE(1, 20)
  wav.writeUInt16LE(1, 22)
  wav.writeUInt32LE(16000, 24)
  wav.writeUInt32LE(32000, 28)
  wav.writeUInt16LE(2, 32)
  wav.writeUInt16LE(16, 34)
  wav.write('data', 36, 'ascii')
  wav.writeUInt32LE(sizeField ?? dataBytes, 40)
  samples.forEach((s, i) => wav.writeInt16LE(s, 44 + 2 * i))
  return wav
}

/** silence, a tone, silence: seconds of each */
export function paddedTone(lead: number, tone: number, tail: number): Int16Array {
  const rate = 16000
  const out = new Int16Array(Math.round((lead + tone + tail) * rate))
  const start = Math.round(lead * rate)
  for (let i = 0; i < Math.round(tone * rate); i++)
    out[start + i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate))
  return out
}
