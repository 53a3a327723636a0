import { useEffect, useState } from 'react'
import type { Settings } from '@shared/settings'
import { useChatStore } from '../use-chat'
import { acceleratorLabel, isMac } from '../settings/accelerator'

const SUGGESTIONS = [
  'Explain how tides work, in a few sentences.',
  'Give me three quick ideas for dinner tonight.',
  'Help me write a polite note declining a meeting.'
]

function useHotkeys(): Settings['hotkeys'] | null {
  const [hotkeys, setHotkeys] = useState<Settings['hotkeys'] | null>(null)
  useEffect(() => {
    void window.hark.invoke('settings.get', {}).then(
      ({ settings }) => setHotkeys(settings.hotkeys),
      () => setHotkeys(null)
    )
    return window.hark.on('settings.changed', (s) => setHotkeys(s.hotkeys))
  }, [])
  return hotkeys
}

/** A new conversation: a greeting, questions to start from, and the hotkeys that reach Hark from anywhere. */
export function EmptyChat(): React.JSX.Element {
  const store = useChatStore()
  const hotkeys = useHotkeys()
  const mac = isMac()
  return (
    <div className="empty-chat" data-testid="empty-chat">
      <h2>What shall we talk about?</h2>
      <p className="empty-lead">Ask anything: Hark reads the answer aloud as it arrives.</p>
      <ul className="suggestions">
        {SUGGESTIONS.map((s) => (
          <li key={s}>
            <button type="button" data-testid="suggestion" onClick={() => void store.ask(s)}>
              {s}
            </button>
          </li>
        ))}
      </ul>
      {hotkeys && (
        <dl className="hotkey-hints" data-testid="hotkey-hints">
          {hotkeys.pushToTalk && (
            <div>
              <dt>
                <kbd>{acceleratorLabel(hotkeys.pushToTalk, mac)}</kbd>
              </dt>
              <dd>push to talk, from any app</dd>
            </div>
          )}
          {hotkeys.quickPrompt && (
            <div>
              <dt>
                <kbd>{acceleratorLabel(hotkeys.quickPrompt, mac)}</kbd>
              </dt>
              <dd>quick question, from any app</dd>
            </div>
          )}
        </dl>
      )}
    </div>
  )
}
