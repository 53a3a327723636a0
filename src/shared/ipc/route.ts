import type { z } from 'zod'

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

/** Handlers return this over the wire so the preload can throw a clean Error. */
export type RouteResult<O> = { ok: true; value: O } | { ok: false; error: { message: string; code?: string } }
