import { bytesFor, isLoudFrame, KEEP_LEAD_MS, KEEP_TAIL_MS } from './silence'

interface PcmLayout {
  dataStart: number
  dataEnd: number
  frameBytes: number
  rate: number
}

/** Where the 16-bit PCM frames of a RIFF/WAVE buffer are, or null for anything else. */
function pcm16Layout(wav: Buffer): PcmLayout | null {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') return null
  let fmt: { channels: number; rate: number; bits: number; format: number } | null = null
  for (let at = 12; at + 8 <= wav.length;) {
    const id = wav.toString('ascii', at, at + 4)
    const size = wav.readUInt32LE(at + 4)
    if (id === 'fmt ' && at + 24 <= wav.length) {
      fmt = {
        format: wav.readUInt16LE(at + 8),
        channels: wav.readUInt16LE(at + 10),
        rate: wav.readUInt32LE(at + 12),
        bits: wav.readUInt16LE(at + 22)
      }
    }
    if (id === 'data') {
      if (!fmt || fmt.format !== 1 || fmt.bits !== 16 || fmt.channels < 1) return null
      // piped WAVs carry 0 or a placeholder as the data size: the data runs to the end
      return { dataStart: at + 8, dataEnd: wav.length, frameBytes: 2 * fmt.channels, rate: fmt.rate }
    }
    at += 8 + size + (size % 2)
  }
  return null
}

/**
 * Synthesisers pad each utterance with silence (festival: about 0.2 s before
 * and 0.4 s after). Between utterances that padding is dead air, so cut it to
 * a short natural pause. Returns a new canonical WAV; non-PCM16 input and
 * all-silent audio come back unchanged.
 */
export function trimWavSilence(wav: Buffer): Buffer {
  const layout = pcm16Layout(wav)
  if (!layout) return wav
  const { dataStart, frameBytes, rate } = layout
  const dataEnd = dataStart + Math.floor((layout.dataEnd - dataStart) / frameBytes) * frameBytes
  let first = dataStart
  while (first < dataEnd && !isLoudFrame(wav, first, frameBytes)) first += frameBytes
  if (first >= dataEnd) return wav
  let last = dataEnd - frameBytes
  while (last > first && !isLoudFrame(wav, last, frameBytes)) last -= frameBytes
  const from = Math.max(dataStart, first - bytesFor(KEEP_LEAD_MS, rate, frameBytes))
  const to = Math.min(dataEnd, last + frameBytes + bytesFor(KEEP_TAIL_MS, rate, frameBytes))
  const header = Buffer.from(wav.subarray(0, dataStart))
  const out = Buffer.concat([header, wav.subarray(from, to)])
  out.writeUInt32LE(out.length - 8, 4)
  out.writeUInt32LE(to - from, dataStart - 4)
  return out
}
