import type { Token } from 'marked'

/**
 * Where each rendered character of a markdown block came from. marked's
 * tokens nest (a list holds items, a paragraph holds emphasis, links, code
 * spans), each with its `raw` source: finding every child's raw inside its
 * parent's, in order, places each leaf's text exactly in the source, so the
 * highlight covers the words an utterance came from and nothing else (the
 * link's address, the `**` around bold, a heading's `## ` are never text).
 * Code blocks, tables and HTML are not read aloud, so they get no leaves.
 */

export interface Leaf {
  /** rendered text */
  text: string
  /** source offset of each character of `text` */
  at: number[]
}

const UNSPOKEN = new Set(['code', 'table', 'html', 'hr', 'space', 'image', 'br', 'def'])

type Node = Token & { raw: string; text?: string; tokens?: Token[]; items?: Token[] }

/** The leaves of `tokens`, which were lexed from `source` starting at source offset `offset`. */
export function sourceLeaves(
  tokens: Token[],
  source: string,
  offset: number,
  decode: (text: string) => string
): Leaf[] {
  const out: Leaf[] = []
  walk(tokens as Node[], source, offset, out, decode)
  return out
}

function walk(children: Node[], raw: string, offset: number, out: Leaf[], decode: (t: string) => string): void {
  let cursor = 0
  for (const child of children) {
    const found = raw.indexOf(child.raw, cursor)
    const at = found >= 0 ? found : cursor
    if (found >= 0) cursor = found + child.raw.length
    visit(child, offset + at, out, decode)
  }
}

function visit(t: Node, at: number, out: Leaf[], decode: (t: string) => string): void {
  if (UNSPOKEN.has(t.type)) return
  if (t.type === 'list' && t.items) return walk(t.items as Node[], t.raw, at, out, decode)
  if (t.tokens && t.tokens.length > 0) return walk(t.tokens as Node[], t.raw, at, out, decode)
  if (typeof t.text !== 'string' || t.text === '') return
  const inRaw = t.raw.indexOf(t.text)
  const start = at + Math.max(0, inRaw)
  // An entity (&amp;) renders shorter than its source: spread its characters over the source it came from.
  const text = t.text.includes('&') ? decode(t.text) : t.text
  const scale = text.length === t.text.length ? 1 : t.text.length / Math.max(1, text.length)
  out.push({ text, at: Array.from(text, (_, i) => start + Math.floor(i * scale)) })
}

/**
 * Aligns leaves to the block's DOM text (which also holds characters no leaf
 * has: the newlines between list items, a code block's label): each leaf
 * character is matched to the next equal DOM character close ahead. Returns
 * the source offset of every DOM character, -1 where none.
 */
export function alignToDom(leaves: Leaf[], dom: string, lookahead = 24): Int32Array {
  const src = new Int32Array(dom.length).fill(-1)
  let p = 0
  for (const leaf of leaves) {
    for (let i = 0; i < leaf.text.length; i++) {
      const limit = Math.min(dom.length, p + lookahead)
      for (let q = p; q < limit; q++) {
        if (dom[q] === leaf.text[i]) {
          src[q] = leaf.at[i]!
          p = q + 1
          break
        }
      }
    }
  }
  return src
}
