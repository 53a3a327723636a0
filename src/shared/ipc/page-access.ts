import { contracts, type EventName, type RouteName, type Subject } from './contract'

/**
 * Least privilege per window: which routes each page may call and which events
 * it hears. Main's router refuses anything else (it knows the caller's page),
 * so a script injected into the popup or the indicator cannot change settings
 * or keys. The main window is where settings live, so it gets those subjects;
 * it may read push-to-talk's state but not toggle it (the hotkey, the tray and
 * the indicator do). provider.warm is every typing page's.
 */

export const pageNames = ['index', 'quick', 'indicator'] as const
export type PageName = (typeof pageNames)[number]

export interface PageAccess {
  routes: ReadonlySet<RouteName>
  events: ReadonlySet<EventName>
}

function routesOf(...subjects: Subject[]): RouteName[] {
  return subjects.flatMap((s) => Object.keys(contracts[s].routes) as RouteName[])
}

function eventsOf(...subjects: Subject[]): EventName[] {
  return subjects.flatMap((s) => Object.keys(contracts[s].events) as EventName[])
}

const access = (routes: RouteName[], events: EventName[]): PageAccess => ({
  routes: new Set(routes),
  events: new Set(events)
})

export const pageAccess: Record<PageName, PageAccess> = {
  index: access(
    [
      ...routesOf('app', 'conversations', 'provider', 'settings', 'speech', 'turns'),
      'voice.setConversation',
      'voice.status'
    ],
    eventsOf('app', 'conversations', 'settings', 'turns', 'voice')
  ),
  quick: access(
    ['quick.ask', 'quick.hide', 'quick.openInMain', 'turn.stop', 'provider.warm'],
    ['quick.shown', 'turn.events']
  ),
  indicator: access(['voice.toggle', 'voice.status'], ['voice.state'])
}

export function mayCall(page: PageName, route: RouteName): boolean {
  return pageAccess[page].routes.has(route)
}

export function mayHear(page: PageName, event: EventName): boolean {
  return pageAccess[page].events.has(event)
}
