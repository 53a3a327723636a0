import type { CharSink } from './sinks'

const PICTOGRAPH = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier})$/u
/** presentation selectors, the keycap mark and tag characters: invisible leftovers of emoji */
const EMOJI_MARK = /^[\uFE0E\uFE0F\u20E3\u{E0020}-\u{E007F}]$/u
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** True when `ch` continues the grapheme cluster `cluster` (ZWJ chains, skin tones, flags). */
function extendsCluster(cluster: string, ch: string): boolean {
  const it = graphemes.segment(cluster + ch)[Symbol.iterator]()
  it.next()
  return it.next().done === true
}

/**
 * Removes emoji as whole grapheme clusters: a family (ZWJ sequence), a flag
 * (regional-indicator pair) or a thumbs-up with skin tone disappears entirely,
 * never leaving half a sequence behind for the voice to stumble on.
 */
export class EmojiFilter implements CharSink {
  private cluster = ''

  constructor(private readonly out: CharSink) {}

  char(ch: string, off: number): void {
    // below U+00A9 (©) nothing is pictographic: the common ASCII path stays cheap
    if (!this.cluster && ch.charCodeAt(0) < 0xa9) return this.out.char(ch, off)
    if (this.cluster) {
      if (extendsCluster(this.cluster, ch)) {
        this.cluster += ch
        return
      }
      this.cluster = ''
    }
    if (PICTOGRAPH.test(ch)) this.cluster = ch
    else if (!EMOJI_MARK.test(ch)) this.out.char(ch, off)
  }

  end(): void {
    this.cluster = ''
    this.out.end()
  }
}
