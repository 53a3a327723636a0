import { systemPreferences } from 'electron'

/**
 * macOS records nothing, and says nothing, until the user has allowed the app
 * to use the microphone (the recorder is Hark's child, so Hark's permission is
 * the one asked). Hark asks before the first recording: 'not-determined'
 * shows the system prompt once; a refusal is remembered by the system and
 * becomes a message saying where to change it. Other platforms have no such
 * gate in front of a recorder process.
 */

export const MICROPHONE_DENIED =
  'Hark may not use the microphone. Allow it in System Settings → Privacy & Security → Microphone, then try again.'

export async function microphoneAllowed(platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (platform !== 'darwin') return true
  const status = systemPreferences.getMediaAccessStatus('microphone')
  if (status === 'granted') return true
  if (status === 'not-determined') return systemPreferences.askForMediaAccess('microphone')
  return false
}
