/**
 * Where the quick-prompt popup appears: on the display the user is working on
 * (the one under the cursor), next to the tray icon when the platform tells us
 * where that is and it is on that display, else high and centred, like a
 * launcher. Linux AppIndicators report empty tray bounds, so they get the
 * latter. Pure, so it is unit-tested without Electron.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface PlacementInput {
  size: { width: number; height: number }
  /** the active display */
  display: { bounds: Rect; workArea: Rect }
  /** the tray icon's bounds, when known */
  tray?: Rect | null
}

const MARGIN = 8

function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)))
}

export function placeQuickPrompt({ size, display, tray }: PlacementInput): Rect {
  const area = display.workArea
  const width = Math.min(size.width, area.width - 2 * MARGIN)
  const height = Math.min(size.height, area.height - 2 * MARGIN)
  const fit = (x: number, y: number): Rect => ({
    x: Math.round(clamp(x, area.x + MARGIN, area.x + area.width - width - MARGIN)),
    y: Math.round(clamp(y, area.y + MARGIN, area.y + area.height - height - MARGIN)),
    width,
    height
  })

  const trayCentre =
    tray && tray.width > 0 && tray.height > 0 ? { x: tray.x + tray.width / 2, y: tray.y + tray.height / 2 } : null
  if (trayCentre && contains(display.bounds, trayCentre.x, trayCentre.y)) {
    const trayAtTop = trayCentre.y < display.bounds.y + display.bounds.height / 2
    const y = trayAtTop ? tray!.y + tray!.height + MARGIN : tray!.y - height - MARGIN
    return fit(trayCentre.x - width / 2, y)
  }
  return fit(area.x + (area.width - width) / 2, area.y + area.height / 5)
}
