import type { AppContext } from './app-context'
import type { RouteHandlers } from './ipc/ipc-router'
import { appHandlers } from './ipc/handlers/app'
import { conversationHandlers } from './ipc/handlers/conversations'
import { providerHandlers } from './ipc/handlers/provider'
import { quickHandlers } from './ipc/handlers/quick'
import { settingsHandlers } from './ipc/handlers/settings'
import { speechHandlers } from './ipc/handlers/speech'
import { turnHandlers } from './ipc/handlers/turns'
import { voiceHandlers } from './ipc/handlers/voice'
import { createMicTest } from './voice/mic-test'

/** The full route map: one handler map per subject of src/shared/ipc/contract.ts. */
export function createHandlers(ctx: AppContext): RouteHandlers {
  return {
    app: appHandlers(),
    conversations: conversationHandlers(ctx),
    provider: providerHandlers(ctx),
    quick: quickHandlers(ctx),
    settings: settingsHandlers(ctx),
    speech: speechHandlers(ctx),
    turns: turnHandlers(ctx),
    voice: voiceHandlers(ctx, createMicTest(ctx))
  }
}
