import { IncrementalMarkdown } from '../../src/renderer/src/shared/markdown/incremental-markdown'
import { lexMarkdown, renderBlock } from '../../src/renderer/src/shared/markdown/render-markdown'
import { highlightSpoken } from '../../src/renderer/src/shared/markdown/speech-highlight'

/**
 * Bundled into a bare Chromium page by the highlight property test: renders
 * an answer as MarkdownView does (one `.md-block` per block, its source range
 * in data-start/end) and returns, for each range, the text the real
 * highlighter marked through the CSS Custom Highlight API.
 */
function highlighted(markdown: string, ranges: Array<[number, number]>): string[] {
  const root = document.createElement('div')
  document.body.replaceChildren(root)
  const { settled, tail } = new IncrementalMarkdown(lexMarkdown).update(markdown)
  for (const block of [...settled, ...(tail ? [tail] : [])]) {
    const el = document.createElement('div')
    el.className = block.plain ? 'md-block plain' : 'md-block'
    el.dataset['start'] = String(block.range[0])
    el.dataset['end'] = String(block.range[1])
    el.innerHTML = renderBlock(block)
    root.append(el)
  }
  return ranges.map((range) => {
    highlightSpoken(root, range, markdown)
    const h = (CSS.highlights as unknown as Map<string, Highlight>).get('hark-speaking')
    return h ? Array.from(h as unknown as Iterable<AbstractRange>, (r) => (r as Range).toString()).join('') : ''
  })
}

;(window as unknown as { highlighted: typeof highlighted }).highlighted = highlighted
