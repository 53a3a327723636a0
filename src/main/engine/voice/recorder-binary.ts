/**
 * Which recorder program to run, and what to install when it is missing
 * (microphone.ts looks it up before spawning).
 */

export type RecorderName = 'arecord' | 'sox' | 'rec'
export type RecorderSetting = RecorderName | 'auto'

/** arecord captured PulseAudio from the first millisecond; sox lost seconds there. */
export function chooseRecorder(setting: RecorderSetting, platform: NodeJS.Platform = process.platform): RecorderName {
  if (setting !== 'auto') return setting
  return platform === 'linux' ? 'arecord' : 'sox'
}

export function installHint(name: RecorderName, platform: NodeJS.Platform = process.platform): string {
  if (name === 'arecord') return 'Install the "alsa-utils" package (e.g. sudo apt install alsa-utils).'
  if (platform === 'darwin') return 'Install SoX with Homebrew: brew install sox.'
  if (platform === 'win32') return 'Install SoX (https://sourceforge.net/projects/sox/) and add it to PATH.'
  return 'Install the "sox" package (e.g. sudo apt install sox), plus "libsox-fmt-pulse" for PulseAudio.'
}
