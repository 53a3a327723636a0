import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { IncrementalMarkdown, type MarkdownBlock } from './incremental-markdown'
import { lexMarkdown, renderBlock } from './render-markdown'
import { highlightSpoken } from './speech-highlight'
import { BlockGroups } from './block-groups'
import { copyText } from '../copy-text'
import './markdown.css'

interface Props {
  text: string
  /** [start, end) of the utterance being spoken, in `text` */
  speaking?: [number, number] | null
  className?: string
  testId?: string
}

/**
 * Markdown that streams: settled blocks render once and are memoised by
 * identity; only the open tail is lexed and rendered again on each update.
 */
export function MarkdownView({ text, speaking = null, className, testId }: Props): React.JSX.Element {
  const parser = useMemo(() => new IncrementalMarkdown(lexMarkdown), [])
  const groups = useMemo(() => new BlockGroups(), [])
  const snapshot = useMemo(() => parser.update(text), [parser, text])
  const root = useRef<HTMLDivElement>(null)
  const spokenKey = speaking ? `${speaking[0]}-${speaking[1]}` : ''
  const all = groups.of(snapshot.settled)
  const shown = useRevealed(all.length)
  // while speaking, a block settling or a group being revealed can bring the spoken words into the DOM
  const blocksWhileSpeaking = speaking === null ? '' : `${snapshot.settled.length}:${shown}`

  // Re-run only when the spoken range moves or blocks change: never a DOM query per token.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => highlightSpoken(root.current, speaking, text), [spokenKey, blocksWhileSpeaking])

  const onClick = (ev: React.MouseEvent<HTMLDivElement>): void => {
    const button = (ev.target as HTMLElement).closest('.copy-code')
    const code = button?.closest('.code-block')?.querySelector('pre code')
    if (!button || !code) return
    void copyText(code.textContent ?? '').then((ok) => flash(button, ok ? 'Copied' : 'Copy failed'))
  }

  return (
    <div ref={root} className={`markdown ${className ?? ''}`} data-testid={testId} onClick={onClick}>
      {all.slice(0, shown).map((blocks, i) => (
        <SettledGroup key={i} blocks={blocks} />
      ))}
      {shown === all.length && snapshot.tail && <Block block={snapshot.tail} growing />}
    </div>
  )
}

/**
 * How many groups to render: a long answer opened at once (a saved
 * conversation) appears one group per frame, so no frame renders it all;
 * a streaming answer, gaining a group at a time, shows every group at once.
 */
function useRevealed(count: number): number {
  const [shown, setShown] = useState(Math.min(count, 1))
  const behind = count - shown > 1
  useEffect(() => {
    if (shown >= count) return
    // caught up (or streaming): remember it, so a later jump of two groups does not hide one for a frame
    const frame = requestAnimationFrame(() => setShown((s) => (behind ? s + 1 : count)))
    return () => cancelAnimationFrame(frame)
  }, [behind, shown, count])
  return behind ? shown : count
}

function Block({ block, growing = false }: { block: MarkdownBlock; growing?: boolean }): React.JSX.Element {
  const html = useMemo(() => renderBlock(block, growing), [block, growing])
  return (
    <div
      className={block.plain ? 'md-block plain' : 'md-block'}
      data-start={block.range[0]}
      data-end={block.range[1]}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}

/** Settled blocks never change, so identity is enough to skip them. */
const SettledBlock = memo(Block, (a, b) => a.block === b.block)

const SettledGroup = memo(
  function SettledGroup({ blocks }: { blocks: MarkdownBlock[] }): React.JSX.Element {
    return (
      <div className="md-group">
        {blocks.map((b) => (
          <SettledBlock key={b.key} block={b} />
        ))}
      </div>
    )
  },
  (a, b) => a.blocks === b.blocks
)

function flash(button: Element, label: string): void {
  button.setAttribute('data-label', label)
  setTimeout(() => button.setAttribute('data-label', 'Copy'), 1200)
}
