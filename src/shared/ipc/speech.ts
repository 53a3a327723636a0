import { z } from 'zod'
import { empty, route, type Contract } from './route'

/** The voice that reads answers aloud: mute, the voices on offer, a sample sentence. */

export const speech = {
  routes: {
    'speech.setMuted': route<void>()(z.object({ muted: z.boolean() })),
    'speech.voices': route<{ voices: string[] }>()(empty),
    'speech.say': route<void>()(z.object({ text: z.string().trim().min(1).max(500) }))
  },
  events: {}
} satisfies Contract
