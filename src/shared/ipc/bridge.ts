import type { EventName, RouteName } from './channels'
import type { Events, RouteInput, RouteOutput } from './contract'
import type { TurnEvent } from '../turn-events'

/** What the preload exposes as `window.hark`. Nothing else crosses. */
export interface HarkBridge {
  invoke<K extends RouteName>(route: K, input: RouteInput<K>): Promise<RouteOutput<K>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  ask(input: RouteInput<'turn.ask'>): Promise<RouteOutput<'turn.ask'>>
  stop(turnId?: string): Promise<void>
  onEvent(listener: (event: TurnEvent) => void): () => void
}
