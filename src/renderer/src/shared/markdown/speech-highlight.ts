import { lexMarkdown } from './render-markdown'
import { alignToDom, sourceLeaves } from './source-map'

/**
 * Shows which part of the answer is being spoken. Blocks overlapping the
 * utterance's source range get a `speaking` class; inside them the CSS Custom
 * Highlight API marks exactly the rendered characters that came from that
 * range (source-map.ts), without touching the DOM, so highlighting never
 * re-renders markdown. The spoken words are kept in sight while the reader
 * follows the answer (see use-follow-scroll.ts).
 */

const HIGHLIGHT = 'hark-speaking'

/** The maplike part of HighlightRegistry (typed only in DOM.Iterable). */
interface Registry {
  set(name: string, highlight: Highlight): unknown
  delete(name: string): unknown
}

function registry(): Registry | null {
  const ok = typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function'
  return ok ? (CSS.highlights as unknown as Registry) : null
}

const marked = new WeakMap<HTMLElement, HTMLElement[]>()

/** `source` is the whole answer, which `range` and the blocks' data-start/end point into. */
export function highlightSpoken(root: HTMLElement | null, range: [number, number] | null, source: string): void {
  if (!root) return
  const blocks = range ? overlapping(root.querySelectorAll<HTMLElement>('.md-block'), range) : []
  markBlocks(root, blocks)
  const highlights = registry()
  if (!highlights) return
  const domRange = range ? spokenRange(blocks, range, source) : null
  if (domRange) highlights.set(HIGHLIGHT, new Highlight(domRange))
  else highlights.delete(HIGHLIGHT)
}

/**
 * Moves the `speaking` class to `blocks`, touching only blocks that gain or
 * lose it: the next sentence of the same paragraph changes no class, so the
 * browser does not restyle a long paragraph once per sentence.
 */
function markBlocks(root: HTMLElement, blocks: HTMLElement[]): void {
  const before = marked.get(root) ?? []
  before.filter((el) => !blocks.includes(el)).forEach((el) => el.classList.remove('speaking'))
  blocks.filter((el) => !before.includes(el)).forEach((el) => el.classList.add('speaking'))
  marked.set(root, blocks)
}

/** The DOM range of exactly the rendered characters that came from `range`, or null. */
export function spokenRange(blocks: HTMLElement[], [from, to]: [number, number], source: string): Range | null {
  let start: [Text, number] | null = null
  let end: [Text, number] | null = null
  for (const block of blocks) {
    const map = blockMap(block, source)
    for (let q = 0; q < map.src.length; q++) {
      const s = map.src[q]!
      if (s < from || s >= to) continue
      start ??= map.locate(q)
      end = map.locate(q, 1)
    }
  }
  if (!start || !end) return null
  const r = document.createRange()
  r.setStart(...start)
  r.setEnd(...end)
  return r
}

/** The source offset of the character at a point in the answer (for "read from here"), or null. */
export function sourceOffsetAtPoint(root: HTMLElement, x: number, y: number, source: string): number | null {
  const caret = document.caretRangeFromPoint?.(x, y)
  const block = caret?.startContainer.parentElement?.closest<HTMLElement>('.md-block')
  if (!caret || !block || !root.contains(block)) return null
  const map = blockMap(block, source)
  const q = map.position(caret.startContainer, caret.startOffset)
  for (let i = Math.max(0, q); i < map.src.length; i++) if (map.src[i]! >= 0) return map.src[i]!
  for (let i = Math.min(q, map.src.length) - 1; i >= 0; i--) if (map.src[i]! >= 0) return map.src[i]!
  return null
}

interface BlockMap {
  src: Int32Array
  /** the text node and offset of DOM character q (plus `after`) */
  locate(q: number, after?: number): [Text, number]
  /** the DOM character index of a node and offset in the block */
  position(node: Node, offset: number): number
}

const maps = new WeakMap<HTMLElement, { key: string; map: BlockMap }>()

/** Built once per block (a settled block never changes; the growing tail is rebuilt when it does). */
function blockMap(block: HTMLElement, source: string): BlockMap {
  const start = Number(block.dataset['start'])
  const end = Number(block.dataset['end'])
  const key = `${start}:${end}:${block.childNodes.length}`
  const cached = maps.get(block)
  if (cached?.key === key) return cached.map
  const nodes = textNodes(block)
  const starts: number[] = []
  let total = 0
  for (const n of nodes) {
    starts.push(total)
    total += n.length
  }
  const text = source.slice(start, end)
  const src = alignToDom(
    sourceLeaves(lexMarkdown(text), text, start, decodeEntities),
    nodes.map((n) => n.data).join('')
  )
  const nodeAt = (q: number): number => {
    let i = 0
    while (i + 1 < nodes.length && starts[i + 1]! <= q) i++
    return i
  }
  const map: BlockMap = {
    src,
    locate: (q, after = 0) => {
      const i = nodeAt(q)
      return [nodes[i]!, q - starts[i]! + after]
    },
    position: (node, offset) => {
      const i = nodes.indexOf(node as Text)
      return i < 0 ? 0 : starts[i]! + offset
    }
  }
  maps.set(block, { key, map })
  return map
}

function textNodes(block: HTMLElement): Text[] {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
  return nodes
}

function decodeEntities(text: string): string {
  return new DOMParser().parseFromString(text, 'text/html').documentElement.textContent ?? text
}

/** Blocks are in source order: binary-search the first one the range reaches, so a long answer costs O(log n). */
function overlapping(blocks: ArrayLike<HTMLElement>, [from, to]: [number, number]): HTMLElement[] {
  const end = (i: number): number => Number(blocks[i]!.dataset['end'])
  let lo = 0
  let hi = blocks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (end(mid) <= from) lo = mid + 1
    else hi = mid
  }
  const out: HTMLElement[] = []
  for (let i = lo; i < blocks.length && Number(blocks[i]!.dataset['start']) < to; i++) out.push(blocks[i]!)
  return out
}
