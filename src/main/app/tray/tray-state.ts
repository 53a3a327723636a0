/** What the tray icon shows. Listening wins: the user is talking to Hark. */
export type TrayState = 'idle' | 'listening' | 'speaking'

export function trayStateOf(voice: { listening: boolean; speaking: boolean }): TrayState {
  if (voice.listening) return 'listening'
  return voice.speaking ? 'speaking' : 'idle'
}
