import { useState } from 'react'
import type { MicTestResult } from '@shared/ipc/voice'
import { messageOf } from '../../shared/message-of'
import { useVoice } from '../use-voice'
import { FieldRow } from './FieldRow'

/**
 * Records a few seconds with the saved recorder and device (main picks them;
 * the page names none) and says whether anything was heard. The meter follows
 * the voice hub's level while the test records, as the composer's does while
 * listening.
 */
export function MicTest(): React.JSX.Element {
  const level = useVoice((s) => (s.status.micTest ? s.status.level : 0))
  const [result, setResult] = useState<MicTestResult | 'running' | null>(null)
  const running = result === 'running'
  const run = async (): Promise<void> => {
    setResult('running')
    try {
      setResult(await window.hark.invoke('voice.testMic', {}))
    } catch (err) {
      setResult({ heard: false, peak: 0, message: messageOf(err) })
    }
  }
  return (
    <FieldRow label="Microphone" htmlFor="mic-test">
      <div className="inline">
        <button id="mic-test" type="button" data-testid="mic-test" disabled={running} onClick={() => void run()}>
          {running ? 'Recording… say something' : 'Test microphone'}
        </button>
        <meter
          className="mic-meter"
          data-testid="mic-level"
          aria-label="Microphone level"
          min={0}
          max={1}
          value={running ? level : 0}
        />
      </div>
      <p
        className={result && !running && !result.heard ? 'field-error' : 'hint'}
        role="status"
        data-testid="mic-test-result"
      >
        {running ? 'Speak for a few seconds.' : result?.message}
      </p>
    </FieldRow>
  )
}
