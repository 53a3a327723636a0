import { useChat, useChatStore } from '../use-chat'
import { copyText } from '../../shared/copy-text'
import { Composer } from './Composer'
import { MessageList } from './MessageList'
import { VoiceControls } from '../voice/VoiceControls'
import { EmptyChat } from './EmptyChat'
import { ModelPicker } from './ModelPicker'
import { ShortcutsButton } from '../keyboard/ShortcutsButton'

/** The open conversation: header with its model and export, the messages (or a greeting), the composer. */
export function ChatView(): React.JSX.Element {
  const store = useChatStore()
  const current = useChat((s) => s.current)
  const empty = useChat((s) => s.currentId === null || s.current?.messages.length === 0)

  const exportAs = async (how: 'copy' | 'save'): Promise<void> => {
    if (!current) return
    const out = await store.exportMarkdown(current.id)
    if (!out) return
    if (how === 'copy') return void (await copyText(out.markdown))
    const url = URL.createObjectURL(new Blob([out.markdown], { type: 'text/markdown' }))
    const a = document.createElement('a')
    a.href = url
    a.download = out.fileName
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  return (
    <section className="chat">
      <header className="chat-header">
        <h1 data-testid="conversation-title">{current?.title ?? 'New conversation'}</h1>
        <ModelPicker />
        <VoiceControls />
        <ShortcutsButton />
        {current && current.messages.length > 0 && (
          <div className="row-actions">
            <button type="button" data-testid="export-copy" onClick={() => void exportAs('copy')}>
              Copy as Markdown
            </button>
            <button type="button" data-testid="export-save" onClick={() => void exportAs('save')}>
              Export .md
            </button>
          </div>
        )}
      </header>
      {empty ? <EmptyChat /> : <MessageList />}
      <Composer />
    </section>
  )
}
