import { describe, expect, it } from 'vitest'
import { placeQuickPrompt, type Rect } from '../../../../src/main/app/quick-prompt/quick-prompt-placement'

const size = { width: 560, height: 340 }
// A 1920x1080 display with a 32 px top panel; a second display to its right.
const left = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 } }
const right = {
  bounds: { x: 1920, y: 0, width: 1280, height: 1024 },
  workArea: { x: 1920, y: 0, width: 1280, height: 984 }
}

function inside(r: Rect, area: Rect): boolean {
  return (
    r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height
  )
}

describe('quick prompt placement', () => {
  it('centres high on the active display when the tray position is unknown (Linux)', () => {
    const r = placeQuickPrompt({ size, display: right, tray: null })
    expect(inside(r, right.workArea)).toBe(true)
    expect(r.x + r.width / 2).toBeCloseTo(1920 + 640, 0)
    expect(r.y).toBeLessThan(right.workArea.height / 2)
  })

  it('treats empty tray bounds as unknown', () => {
    const r = placeQuickPrompt({ size, display: left, tray: { x: 0, y: 0, width: 0, height: 0 } })
    expect(r.x + r.width / 2).toBeCloseTo(960, 0)
  })

  it('hangs below a tray icon in a top menu bar, kept on screen', () => {
    const tray = { x: 1880, y: 4, width: 24, height: 24 }
    const r = placeQuickPrompt({ size, display: left, tray })
    expect(r.y).toBeGreaterThanOrEqual(tray.y + tray.height)
    expect(inside(r, left.workArea)).toBe(true)
    expect(r.x + r.width).toBeGreaterThan(1800) // right-aligned near the icon
  })

  it('sits above a tray icon in a bottom taskbar', () => {
    const display = { bounds: left.bounds, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
    const tray = { x: 1700, y: 1048, width: 24, height: 24 }
    const r = placeQuickPrompt({ size, display, tray })
    expect(r.y + r.height).toBeLessThanOrEqual(1040)
    expect(r.y + r.height).toBeGreaterThan(1000)
  })

  it('ignores a tray on another display: the popup goes where the user is', () => {
    const tray = { x: 1880, y: 4, width: 24, height: 24 }
    const r = placeQuickPrompt({ size, display: right, tray })
    expect(inside(r, right.workArea)).toBe(true)
  })

  it('shrinks to fit a tiny display', () => {
    const tiny = { bounds: { x: 0, y: 0, width: 400, height: 300 }, workArea: { x: 0, y: 0, width: 400, height: 300 } }
    const r = placeQuickPrompt({ size, display: tiny })
    expect(inside(r, tiny.workArea)).toBe(true)
    expect(r.width).toBeLessThan(400)
  })
})
