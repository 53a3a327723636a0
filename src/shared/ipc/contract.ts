import type { z } from 'zod'
import type { RouteDef } from './route'
import { app } from './app'
import { conversations } from './conversations'
import { provider } from './provider'
import { quick } from './quick'
import { settings } from './settings'
import { speech } from './speech'
import { turns } from './turns'
import { voice } from './voice'

/**
 * Every IPC route and event, declared once, grouped by subject. Main validates
 * inputs with these schemas and registers one handler map per subject
 * (src/main/app/ipc/handlers/<subject>.ts); the renderer gets the types
 * through the preload bridge. A subject is the unit a window can be allowed.
 */
export const contracts = { app, conversations, provider, quick, settings, speech, turns, voice }

export type Contracts = typeof contracts
export type Subject = keyof Contracts
export const subjects = Object.keys(contracts) as Subject[]

type Merge<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never

export type Routes = Merge<Contracts[Subject]['routes']>
export type RouteName = keyof Routes & string
export type RoutesOf<S extends Subject> = keyof Contracts[S]['routes'] & RouteName

/** Payloads main pushes to windows. Trusted, so typed but not validated. */
export type Events = { [E in EventName]: EventPayload<E> }
type EventDefs = Merge<Contracts[Subject]['events']>
export type EventName = keyof EventDefs & string
type EventPayload<E extends EventName> = EventDefs[E] extends { payload?: infer P } ? P : never

export const routes = Object.assign({}, ...subjects.map((s) => contracts[s].routes)) as Routes
export const routeNames = Object.keys(routes) as RouteName[]
export const eventNames = subjects.flatMap((s) => Object.keys(contracts[s].events)) as EventName[]

export type RouteInput<K extends RouteName> = z.input<Routes[K]['input']>
export type RouteParsedInput<K extends RouteName> = z.output<Routes[K]['input']>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RouteOutput<K extends RouteName> = Routes[K] extends RouteDef<any, infer O> ? O : never
