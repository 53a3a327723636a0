import { streamChat } from '../main/engine/llm/chat-stream'
import { createSegmenter } from '../main/engine/segmenter/sentence-stream'
import { parseAskArgs, usage, UsageError } from './args'
import { runAsk } from './ask-command'
import { createCliSpeech } from './cli-speech'
import { appFlags, forwardToApp, type AppFlag } from './forward-to-app'

/** `hark ask …`, `hark --toggle-talk` or `hark --quick-prompt`. Exit codes: 0 ok, 1 failed turn, 2 usage, 130 interrupted. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  if ((appFlags as readonly string[]).includes(command ?? '')) return forwardToApp(command as AppFlag)
  if (command !== 'ask') throw new UsageError(command ? `unknown command '${command}'` : 'a command is required')
  const args = parseAskArgs(rest, process.env)
  const controller = new AbortController()
  process.once('SIGINT', () => controller.abort())
  process.once('SIGTERM', () => controller.abort())
  const speech = createCliSpeech(args.speak, process.stderr, args.speechEndpoint)
  return runAsk(
    args,
    { streamChat, createSegmenter, speech, stdout: process.stdout, stderr: process.stderr },
    controller.signal
  )
}

// A closed pipe (`hark ask … | head`) is the reader's choice, not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
})

// Exit explicitly once output is flushed: an idle keep-alive socket must not hold the process open.
const exit = (code: number): void => {
  process.stdout.write('', () => process.exit(code))
}

main(process.argv.slice(2)).then(exit, (err: unknown) => {
  if (
    err instanceof UsageError ||
    (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    process.stderr.write(`hark: ${err.message}\n${usage}\n`)
    exit(2)
  } else {
    process.stderr.write(`hark: ${err instanceof Error ? err.message : String(err)}\n`)
    exit(1)
  }
})
