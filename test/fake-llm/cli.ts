/**
 * The fake LLM as its own process, for tests that drive the CLI or the app:
 *   npx tsx test/fake-llm/cli.ts --port 0 --scenario NAME --text FILE --tps 50
 * The first stdout line is {"url":"http://127.0.0.1:PORT/v1"}. Runs until SIGTERM/SIGINT.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startFakeLlm } from './fake-llm'
import { isScenarioName, scenarioNames } from './scenarios'
import { installSpeech } from './speech'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    scenario: { type: 'string', default: 'normal' },
    text: { type: 'string' },
    tps: { type: 'string' },
    'chunk-size': { type: 'string' },
    'delay-ms': { type: 'string' },
    'header-delay-ms': { type: 'string' }
  }
})

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v))

async function main(): Promise<void> {
  if (!isScenarioName(values.scenario)) {
    process.stderr.write(`unknown scenario "${values.scenario}"; known: ${scenarioNames.join(', ')}\n`)
    process.exit(2)
  }
  const timing = Object.fromEntries(
    Object.entries({
      tps: num(values.tps),
      chunkSize: num(values['chunk-size']),
      delayMs: num(values['delay-ms']),
      headerDelayMs: num(values['header-delay-ms'])
    }).filter(([, v]) => v !== undefined && Number.isFinite(v))
  )
  const fake = await startFakeLlm({
    port: Number(values.port),
    scenario: values.scenario,
    text: values.text ? readFileSync(values.text, 'utf8') : undefined,
    timing
  })
  installSpeech(fake)
  process.stdout.write(JSON.stringify({ url: fake.url, scenarios: scenarioNames }) + '\n')
  const stop = () => void fake.close().then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`fake LLM failed to start: ${String(err)}\n`)
  process.exit(1)
})
