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
  'quick.openInMain'
] as const

export const eventNames = ['turn.event', 'settings.changed', 'app.notice', 'app.navigate', 'quick.shown'] as const

export type RouteName = (typeof routeNames)[number]
export type EventName = (typeof eventNames)[number]
