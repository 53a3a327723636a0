import { memo, useLayoutEffect, useMemo, useRef } from 'react'
import { IncrementalMarkdown, type MarkdownBlock } from './incremental-markdown'
import { lexMarkdown, renderTokens } from './render-markdown'
import { highlightSpoken } from './speech-highlight'
import { BlockGroups } from './block-groups'
import { copyText } from '../copy-text'

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
  const settledWhileSpeaking = speaking === null ? 0 : snapshot.settled.length

  // Re-run only when the spoken range moves or a block settles: never a DOM query per token.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => highlightSpoken(root.current, speaking, text), [spokenKey, settledWhileSpeaking])

  const onClick = (ev: React.MouseEvent<HTMLDivElement>): void => {
    const button = (ev.target as HTMLElement).closest('.copy-code')
    const code = button?.closest('.code-block')?.querySelector('pre code')
    if (!button || !code) return
    void copyText(code.textContent ?? '').then((ok) => flash(button, ok ? 'Copied' : 'Copy failed'))
  }

  return (
    <div ref={root} className={`markdown ${className ?? ''}`} data-testid={testId} onClick={onClick}>
      {groups.of(snapshot.settled).map((blocks, i) => (
        <SettledGroup key={i} blocks={blocks} />
      ))}
      {snapshot.tail && <Block block={snapshot.tail} />}
    </div>
  )
}

function Block({ block }: { block: MarkdownBlock }): React.JSX.Element {
  const html = useMemo(() => renderTokens(block.tokens), [block])
  return (
    <div
      className="md-block"
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
