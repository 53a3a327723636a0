import { useState } from 'react'
import { sourceOffsetAtPoint } from '../../shared/markdown/speech-highlight'
import { useChatStore } from '../use-chat'

/**
 * The context action on an answer: "Read aloud from here" reads from the
 * sentence under the pointer (right-click, or the context-menu key on the
 * focused text) to the end.
 */
export function ReadFromHere({
  messageId,
  text,
  children
}: {
  messageId: string
  /** the answer's source text, which the rendered markdown shows */
  text: string
  children: React.ReactNode
}): React.JSX.Element {
  const store = useChatStore()
  const [menu, setMenu] = useState<{ x: number; y: number; from: number } | null>(null)

  const onContextMenu = (ev: React.MouseEvent<HTMLDivElement>): void => {
    const from = sourceOffsetAtPoint(ev.currentTarget, ev.clientX, ev.clientY, text)
    if (from === null) return
    ev.preventDefault()
    const box = ev.currentTarget.getBoundingClientRect()
    setMenu({ x: ev.clientX - box.left, y: ev.clientY - box.top, from })
  }

  return (
    <div className="read-from" onContextMenu={onContextMenu} onClick={() => setMenu(null)}>
      {children}
      {menu && (
        <div className="read-from-menu" role="menu" style={{ left: menu.x, top: menu.y }}>
          <button
            type="button"
            role="menuitem"
            autoFocus
            data-testid="read-from-here"
            onKeyDown={(ev) => ev.key === 'Escape' && setMenu(null)}
            onBlur={() => setMenu(null)}
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={(ev) => {
              ev.stopPropagation()
              setMenu(null)
              void store.readAloud(messageId, menu.from)
            }}
          >
            ▶ Read aloud from here
          </button>
        </div>
      )}
    </div>
  )
}
