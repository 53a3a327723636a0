/**
 * Shows which part of the answer is being spoken. Blocks overlapping the
 * utterance's source range get a `speaking` class; inside them the CSS Custom
 * Highlight API marks the words themselves without touching the DOM, so
 * highlighting never re-renders markdown.
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

export function highlightSpoken(root: HTMLElement | null, range: [number, number] | null): void {
  if (!root) return
  const blocks = range ? overlapping(root.querySelectorAll<HTMLElement>('.md-block'), range) : []
  markBlocks(root, blocks)
  const highlights = registry()
  if (!highlights) return
  const first = blocks[0]
  const domRange =
    first && range
      ? rangeNear(first, Math.max(0, range[0] - Number(first.dataset['start'])), range[1] - range[0])
      : null
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

/**
 * A DOM range over roughly `length` rendered characters starting near source
 * offset `offset`. Markdown symbols make rendered text a little shorter than
 * the source, so offsets are scaled: close, not exact.
 */
function rangeNear(block: HTMLElement, offset: number, length: number): Range | null {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  let total = 0
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text)
    total += (n as Text).length
  }
  if (total === 0) return null
  const source = Number(block.dataset['end']) - Number(block.dataset['start'])
  const scale = source > 0 ? Math.min(1, total / source) : 1
  const start = Math.min(total - 1, Math.round(offset * scale))
  const end = Math.min(total, Math.max(start + 1, Math.round((offset + length) * scale)))
  const range = document.createRange()
  if (!place(nodes, start, (node, at) => range.setStart(node, at))) return null
  if (!place(nodes, end, (node, at) => range.setEnd(node, at))) return null
  return range
}

function place(nodes: Text[], offset: number, set: (node: Text, at: number) => void): boolean {
  let seen = 0
  for (const node of nodes) {
    if (offset <= seen + node.length) {
      set(node, offset - seen)
      return true
    }
    seen += node.length
  }
  return false
}
