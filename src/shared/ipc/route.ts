import { z } from 'zod'

/** A route's input schema, validated in main, and its output type. */
export interface RouteDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  /** phantom: carries the output type, never set */
  output?: O
}

/** `route<Output>()(inputSchema)`: the output type is given, the input inferred. */
export function route<O = void>() {
  return <I extends z.ZodType>(input: I): RouteDef<I, O> => ({ input })
}

/** An event main pushes to windows: trusted, so typed but not validated. */
export interface EventDef<P = unknown> {
  /** phantom: carries the payload type, never set */
  payload?: P
}

export function event<P>(): EventDef<P> {
  return {}
}

/** One subject's share of the IPC: its routes and the events it pushes. */
export interface Contract {
  routes: Record<string, RouteDef>
  events: Record<string, EventDef>
}

/** Handlers return this over the wire so the preload can throw a clean Error. */
export type RouteResult<O> = { ok: true; value: O } | { ok: false; error: { message: string; code?: string } }

/** The bounds every subject uses for an id, and the input of a route that takes none. */
export const id = z.string().min(1).max(200)
export const empty = z.object({}).default({})
