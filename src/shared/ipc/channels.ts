/**
 * Channel names only, with no runtime dependencies, so the sandboxed preload can
 * allow-list them without bundling the schemas. `contract.ts` checks that every
 * name here has a schema and every schema a name.
 */

export const routeNames = [
  'turn.ask',
  'turn.stop',
  'settings.get',
  'settings.set',
  'keys.status',
  'keys.set',
  'keys.clear',
  'speech.stop',
  'speech.setMuted',
  'app.info',
  'app.takeNavigation',
  'quick.ask',
  'quick.hide',
  'quick.openInMain',
  'voice.toggle',
  'voice.cancel',
  'voice.status',
  'voice.setConversation',
  // main window (contract-conversations.ts)
  'conversations.list',
  'conversations.get',
  'conversations.create',
  'conversations.rename',
  'conversations.delete',
  'conversations.search',
  'conversations.export',
  'turn.regenerate',
  'turn.retry',
  'turn.continue',
  'turn.edit',
  'models.list',
  'provider.detect',
  'provider.test',
  'speech.voices',
  'speech.say',
  'hotkeys.status',
  'setup.status',
  'provider.presets'
] as const

export const eventNames = [
  'turn.events',
  'settings.changed',
  'app.notice',
  'app.navigate',
  'quick.shown',
  'voice.state',
  'voice.transcript',
  'conversations.changed',
  'hotkeys.status'
] as const

export type RouteName = (typeof routeNames)[number]
export type EventName = (typeof eventNames)[number]
