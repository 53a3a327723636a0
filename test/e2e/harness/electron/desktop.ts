import { EventEmitter } from 'node:events'
import { currentProfile } from './profile'
import { record } from './recorder'
import { NotEmulatedError } from './strict'

/** The small desktop services: recorded, with the answers a desktop would give. */

export const shell = {
  openExternal: async (url: string, options?: unknown): Promise<void> => record('shell.openExternal', url, options),
  openPath: async (path: string): Promise<string> => (record('shell.openPath', path), ''),
  showItemInFolder: (path: string): void => record('shell.showItemInFolder', path),
  beep: (): void => record('shell.beep')
}

/** Which button message boxes "click" (control: configure dialogResponse). */
export const dialogAnswers = { response: 0, checkboxChecked: false }

export const dialog = {
  showMessageBox: async (...args: unknown[]): Promise<typeof dialogAnswers> => (
    record('dialog.showMessageBox', ...args),
    { ...dialogAnswers }
  ),
  showMessageBoxSync: (...args: unknown[]): number => (
    record('dialog.showMessageBoxSync', ...args),
    dialogAnswers.response
  ),
  showErrorBox: (title: string, content: string): void => record('dialog.showErrorBox', title, content),
  showOpenDialog: async (...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => (
    record('dialog.showOpenDialog', ...args),
    { canceled: true, filePaths: [] }
  ),
  showSaveDialog: async (...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> => (
    record('dialog.showSaveDialog', ...args),
    { canceled: true, filePath: '' }
  )
}

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true
  }

  constructor(private readonly options: unknown = {}) {
    super()
    record('Notification.new', options)
  }

  show(): void {
    record('Notification.show', this.options)
    this.emit('show')
  }

  close(): void {
    this.emit('close')
  }
}

class FakeNativeTheme extends EventEmitter {
  shouldUseDarkColors = false
  shouldUseHighContrastColors = false
  shouldUseInvertedColorScheme = false
  themeSource: 'system' | 'light' | 'dark' = 'system'
}
export const nativeTheme = new FakeNativeTheme()

/**
 * macOS's privacy consent for the microphone and camera: 'not-determined'
 * until askForMediaAccess shows the system prompt, then whatever the user
 * answered (control: configure({ mediaAccessAnswer })), remembered. Windows
 * and Linux never prompt; askForMediaAccess is macOS only.
 */
export const mediaAccess = { answer: true, status: new Map<string, 'not-determined' | 'granted' | 'denied'>() }

class FakeSystemPreferences extends EventEmitter {
  getMediaAccessStatus = (type: string): string => {
    record('systemPreferences.getMediaAccessStatus', type)
    if (currentProfile().platform === 'linux')
      throw new NotEmulatedError('systemPreferences.getMediaAccessStatus on Linux (Windows and macOS only)')
    if (currentProfile().platform !== 'darwin') return 'granted'
    return mediaAccess.status.get(type) ?? 'not-determined'
  }
  askForMediaAccess = async (type: 'microphone' | 'camera'): Promise<boolean> => {
    record('systemPreferences.askForMediaAccess', type)
    if (currentProfile().platform !== 'darwin')
      throw new NotEmulatedError('systemPreferences.askForMediaAccess outside macOS')
    const known = mediaAccess.status.get(type)
    if (known && known !== 'not-determined') return known === 'granted'
    mediaAccess.status.set(type, mediaAccess.answer ? 'granted' : 'denied')
    return mediaAccess.answer
  }
  isTrustedAccessibilityClient = (): boolean => true
  getAnimationSettings = (): object => ({
    shouldRenderRichAnimation: true,
    scrollAnimationsEnabledBySystem: true,
    prefersReducedMotion: false
  })
}
export const systemPreferences = new FakeSystemPreferences()

let clipboardText = ''
export const clipboard = {
  writeText: (text: string): void => void (clipboardText = text),
  readText: (): string => clipboardText,
  clear: (): void => void (clipboardText = '')
}

class FakePowerMonitor extends EventEmitter {
  getSystemIdleState = (): string => 'active'
  getSystemIdleTime = (): number => 0
  isOnBatteryPower = (): boolean => false
}
export const powerMonitor = new FakePowerMonitor()
