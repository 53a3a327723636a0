import { useEffect, useRef, useState } from 'react'
import { MODEL_NAME } from '@shared/conversation'
import { messageOf } from '../../shared/message-of'
import { useChat, useChatStore } from '../use-chat'
import { modelChoices, recentModels } from './model-choices'

type Listed = { models: string[]; error: null } | { models: []; error: string } | null

/**
 * The model for this conversation, in the header: recent picks first, then
 * what the provider lists, and any name typed in (Enter uses it).
 */
export function ModelPicker(): React.JSX.Element {
  const store = useChatStore()
  const model = useChat((s) => (s.currentId ? (s.current?.model ?? null) : s.draftModel))
  const conversations = useChat((s) => s.conversations)
  const [open, setOpen] = useState(false)
  const [filter, setFilter] = useState('')
  const [listed, setListed] = useState<Listed>(null)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    let live = true
    window.hark.invoke('models.list', {}).then(
      ({ models }) => live && setListed({ models, error: null }),
      (err: unknown) => live && setListed({ models: [], error: messageOf(err) })
    )
    const outside = (e: MouseEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', outside)
    return () => {
      live = false
      document.removeEventListener('mousedown', outside)
    }
  }, [open])

  const pick = (choice: string | null): void => {
    setOpen(false)
    setFilter('')
    void store.pickModel(choice)
  }
  const typed = filter.trim()
  const choices = modelChoices(recentModels(conversations), listed?.models ?? [], filter)

  return (
    <div className="model-picker" ref={root}>
      <button
        type="button"
        data-testid="model-picker"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="The model for this conversation"
        onClick={() => setOpen((o) => !o)}
      >
        {model ?? 'Default model'} ▾
      </button>
      {open && (
        <div className="model-menu" role="dialog" aria-label="Choose a model" data-testid="model-menu">
          <input
            autoFocus
            value={filter}
            data-testid="model-input"
            aria-label="Model name"
            placeholder="Filter, or type any model name"
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false)
              if (e.key === 'Enter' && MODEL_NAME.test(typed)) pick(typed)
              if (e.key === 'Escape' || e.key === 'Enter') e.stopPropagation()
            }}
          />
          {typed && !MODEL_NAME.test(typed) && (
            <p className="model-note">A model name uses letters, digits and . _ : / @ + - only.</p>
          )}
          <ul className="model-options">
            {!typed && <Option label="Default (from Settings)" chosen={model === null} onPick={() => pick(null)} />}
            <Group title="Recent" models={choices.recent} chosen={model} onPick={pick} />
            <Group title="Available" models={choices.available} chosen={model} onPick={pick} />
          </ul>
          {listed === null && <p className="model-note">Loading the provider's models…</p>}
          {listed?.error && <p className="model-note">{listed.error} You can still type a name.</p>}
        </div>
      )}
    </div>
  )
}

function Group(props: {
  title: string
  models: string[]
  chosen: string | null
  onPick: (m: string) => void
}): React.JSX.Element | null {
  if (props.models.length === 0) return null
  return (
    <>
      <li className="model-group" aria-hidden="true">
        {props.title}
      </li>
      {props.models.map((m) => (
        <Option key={`${props.title}-${m}`} label={m} chosen={m === props.chosen} onPick={() => props.onPick(m)} />
      ))}
    </>
  )
}

function Option({ label, chosen, onPick }: { label: string; chosen: boolean; onPick: () => void }): React.JSX.Element {
  return (
    <li>
      <button type="button" data-testid="model-option" aria-pressed={chosen} onClick={onPick}>
        {label}
      </button>
    </li>
  )
}
