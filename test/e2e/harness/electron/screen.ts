import { EventEmitter } from 'node:events'
import { currentProfile } from './profile'
import { NotEmulatedError } from './strict'

/** One 1920x1080 display with a 32 px top panel, the cursor in its middle. */
const display = {
  id: 1,
  label: 'harness display',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 32, width: 1920, height: 1048 },
  size: { width: 1920, height: 1080 },
  workAreaSize: { width: 1920, height: 1048 },
  scaleFactor: 1,
  rotation: 0,
  internal: false,
  monochrome: false,
  accelerometerSupport: 'unknown',
  touchSupport: 'unknown',
  colorDepth: 24,
  colorSpace: 'srgb',
  depthPerComponent: 8,
  displayFrequency: 60,
  detected: true
}

let cursor = { x: 960, y: 540 }

class FakeScreen extends EventEmitter {
  getPrimaryDisplay = (): typeof display => structuredClone(display)
  getAllDisplays = (): Array<typeof display> => [structuredClone(display)]
  getDisplayNearestPoint = (): typeof display => structuredClone(display)
  getDisplayMatching = (): typeof display => structuredClone(display)
  getCursorScreenPoint = (): { x: number; y: number } => {
    // Electron: "Not supported on Wayland (Linux)", with no word on what it returns.
    if (!currentProfile().windows.placement)
      throw new NotEmulatedError(`screen.getCursorScreenPoint under the ${currentProfile().name} profile`)
    return { ...cursor }
  }
}

export const screen = new FakeScreen()

export function setCursor(point: { x: number; y: number }): void {
  cursor = { ...point }
}
