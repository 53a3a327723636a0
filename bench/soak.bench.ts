import { streamChat } from '../src/main/engine/llm/chat-stream'
import { LlmError, type ProviderConfig } from '../src/main/engine/llm/chat-types'
import type { ErrorKind } from '../src/shared/turn-events'
import { DEFAULT_ANSWER, MULTIBYTE_ANSWER, startFakeLlm, type ScenarioName } from '../test/fake-llm'
import type { BenchTable } from './run'
import { seededRandom } from '../test/support/seeded-random'

/**
 * 500 turns through the LLM layer against a fake server that fails in every way
 * we know of (seeded, so every run is the same mix). Checks that each failure is
 * classified, partial text is kept, Stop closes the connection, memory stays flat
 * and nothing escapes as an unhandled error.
 */

const TURNS = Number(process.env.HARK_SOAK_TURNS ?? 500)
const SEED = 20261121

/** Scenario → what the turn must end with ('ok' = a full answer), and its weight in the mix. */
const MIX: Array<[ScenarioName | 'user-stop', ErrorKind | 'ok', number, 'partial'?]> = [
  ['normal', 'ok', 10],
  ['keepalive', 'ok', 3],
  ['crlf', 'ok', 3],
  ['multiline-data', 'ok', 3],
  ['split-utf8', 'ok', 3],
  ['done-keep-open', 'ok', 3],
  ['empty-choices', 'ok', 2],
  ['think-tags', 'ok', 2],
  ['reasoning', 'ok', 2],
  ['rate-limit-then-ok', 'ok', 3],
  ['server-error-then-ok', 'ok', 3],
  ['drop-mid-body', 'network', 4, 'partial'],
  ['stall-mid-body', 'stalled', 2, 'partial'],
  ['event-error', 'server', 3, 'partial'],
  ['data-error', 'server', 3, 'partial'],
  ['json-error-200', 'server', 2],
  ['unauthorized', 'auth', 2],
  ['model-not-found', 'not-found', 2],
  ['context-length', 'context-length', 2],
  ['stall-after-headers', 'stalled', 1],
  ['slow-headers', 'timeout', 1],
  ['user-stop', 'aborted', 4, 'partial']
]

function picker(random: () => number): () => (typeof MIX)[number] {
  const total = MIX.reduce((s, m) => s + m[2], 0)
  return () => {
    let r = random() * total
    return MIX.find((m) => (r -= m[2]) < 0) ?? MIX[0]
  }
}

interface TurnResult {
  text: string
  kind: ErrorKind | 'ok'
  foreign: boolean
}

async function turn(provider: ProviderConfig, stopAfter: number | null): Promise<TurnResult> {
  const stop = new AbortController()
  let text = ''
  let texts = 0
  try {
    for await (const c of streamChat(provider, {
      messages: [{ role: 'user', content: 'Tell me.' }],
      stream: true,
      signal: stop.signal
    })) {
      if (c.type !== 'text') continue
      text += c.text
      if (++texts === stopAfter) stop.abort()
    }
    return { text, kind: 'ok', foreign: false }
  } catch (e) {
    return { text, kind: e instanceof LlmError ? e.kind : 'unknown', foreign: !(e instanceof LlmError) }
  }
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
  return process.memoryUsage().heapUsed
}

export default async function soak(): Promise<BenchTable> {
  const unhandled: unknown[] = []
  const onUnhandled = (e: unknown) => unhandled.push(e)
  process.on('unhandledRejection', onUnhandled)
  process.on('uncaughtException', onUnhandled)
  const fake = await startFakeLlm({ timing: { delayMs: 1, chunkSize: 24, headerDelayMs: 60_000 } })
  const base: ProviderConfig = {
    baseUrl: fake.url,
    apiKey: '',
    model: 'x',
    idleTimeoutMs: 400,
    connectTimeoutMs: 400,
    retryBaseDelayMs: 5
  }
  const next = picker(seededRandom(SEED))
  const random = seededRandom(SEED + 1)
  const stats = {
    completed: 0,
    failures: 0,
    classified: 0,
    partialExpected: 0,
    partialKept: 0,
    foreign: 0,
    stops: 0,
    stopsClosed: 0
  }
  let heapStart = 0
  const mismatches = new Map<string, number>()
  // The fake records every request; drop the records (keeping any still open) so they do not count as our memory.
  const unsettled: typeof fake.requests = []
  const forget = () => {
    for (const r of fake.requests.splice(0)) if (!r.connection.closed) unsettled.push(r)
  }
  const t0 = Date.now()
  try {
    for (let i = 0; i < TURNS; i++) {
      if (i === 50) heapStart = heapAfterGc() // after warm-up: JIT and pools are in place
      const [scenario, expected, , partial] = next()
      const stopAfter = scenario === 'user-stop' ? 1 + Math.floor(random() * 5) : null
      const model = `scenario:${scenario === 'user-stop' ? 'normal' : scenario}`
      const r = await turn({ ...base, model }, stopAfter)
      if (r.foreign) stats.foreign++
      if (r.kind !== expected)
        mismatches.set(`${scenario} → ${r.kind}`, (mismatches.get(`${scenario} → ${r.kind}`) ?? 0) + 1)
      if (expected === 'ok') {
        const full = scenario === 'split-utf8' ? MULTIBYTE_ANSWER : DEFAULT_ANSWER
        if (r.kind === 'ok' && r.text === full) stats.completed++
        forget()
        continue
      }
      stats.failures++
      if (r.kind === expected) stats.classified++
      if (partial) {
        stats.partialExpected++
        if (r.text.length > 0 && DEFAULT_ANSWER.startsWith(r.text)) stats.partialKept++
      }
      if (scenario === 'user-stop') {
        stats.stops++
        const closed = await fake.waitForClose(undefined, 2_000).catch(() => null)
        if (closed?.closedByClient) stats.stopsClosed++
      }
      forget()
    }
    await new Promise((r) => setTimeout(r, 300))
    const heapEnd = heapAfterGc()
    const openConnections = [...unsettled, ...fake.requests].filter((r) => !r.connection.closed).length
    const pct = (n: number, of: number) => (of === 0 ? 100 : (100 * n) / of)
    const okTurns = TURNS - stats.failures
    return {
      title: `LLM soak: ${TURNS} turns against faulting scenarios (seed ${SEED})`,
      rows: [
        {
          metric: 'turns that should answer, answered in full',
          value: `${stats.completed}/${okTurns}`,
          ratio: pct(stats.completed, okTurns) / 100
        },
        {
          metric: 'failures classified to the right ErrorKind',
          value: `${stats.classified}/${stats.failures}`,
          ratio: pct(stats.classified, stats.failures) / 100
        },
        {
          metric: 'partial text kept on mid-answer failures',
          value: `${stats.partialKept}/${stats.partialExpected}`,
          ratio: pct(stats.partialKept, stats.partialExpected) / 100
        },
        {
          metric: 'Stop closed the connection (server saw it)',
          value: `${stats.stopsClosed}/${stats.stops}`,
          ratio: pct(stats.stopsClosed, stats.stops) / 100
        },
        { metric: 'connections left open at the end', value: openConnections, ratio: openConnections },
        {
          metric: 'heapUsed after GC, end / start (MB)',
          value: `${(heapEnd / 2 ** 20).toFixed(1)} / ${(heapStart / 2 ** 20).toFixed(1)}`,
          ratio: heapEnd / heapStart
        },
        {
          metric: 'non-LlmError throws + unhandled errors',
          value: stats.foreign + unhandled.length,
          ratio: stats.foreign + unhandled.length
        },
        { metric: 'wall time (s)', value: ((Date.now() - t0) / 1000).toFixed(1), ratio: '' }
      ],
      notes: [
        ...(mismatches.size
          ? [
              `Unexpected outcomes (a loaded machine can push a turn past the 400 ms timeouts): ${[...mismatches].map(([k, n]) => `${k} ×${n}`).join(', ')}`
            ]
          : []),
        `gc ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'exposed (--expose-gc)' : 'not exposed: heap numbers are best effort'}; ratios of 1 (and 0 for the last counts) are the target.`
      ]
    }
  } finally {
    process.off('unhandledRejection', onUnhandled)
    process.off('uncaughtException', onUnhandled)
    await fake.close()
  }
}
