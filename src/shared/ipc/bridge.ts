import type { EventName, Events, RouteInput, RouteName, RouteOutput } from './contract'

/** What the preload exposes as `window.hark`. Nothing else crosses. */
export interface HarkBridge {
  invoke<K extends RouteName>(route: K, input: RouteInput<K>): Promise<RouteOutput<K>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
