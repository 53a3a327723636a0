import type { AppContext } from '../app-context'
import { streamChat } from '../../engine/llm/chat-stream'
import { currentProvider } from '../provider/provider-config'
import { AutoTitler } from './auto-titler'

/** Titles a person would write, asked of the model after a conversation's first answer. */
export function installAutoTitles(ctx: AppContext): void {
  const titler = new AutoTitler({
    history: ctx.history,
    settings: () => ctx.settings.get(),
    provider: (s) => currentProvider(s, ctx.keys),
    streamChat
  })
  ctx.onQuit(ctx.history.onChange(titler.onChange))
}
