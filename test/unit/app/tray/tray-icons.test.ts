import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { trayIconFile } from '../../../../src/main/app/tray/tray-icons'

const resources = resolve(__dirname, '../../../../resources')
const states = ['idle', 'listening', 'speaking'] as const

interface Png {
  width: number
  height: number
  /** RGBA, rows without filter bytes (the generator writes filter 0 only) */
  pixels: Buffer
}

function readPng(file: string): Png {
  const data = readFileSync(file)
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  let offset = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  while (offset < data.length) {
    const length = data.readUInt32BE(offset)
    const type = data.toString('ascii', offset + 4, offset + 8)
    const body = data.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      expect(body[9], 'colour type RGBA').toBe(6)
    }
    if (type === 'IDAT') idat.push(body)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const rows = Array.from({ length: height }, (_, y) => {
    expect(raw[y * (width * 4 + 1)], 'filter byte').toBe(0)
    return raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))
  })
  return { width, height, pixels: Buffer.concat(rows) }
}

function opaqueShare(png: Png): number {
  let visible = 0
  for (let i = 3; i < png.pixels.length; i += 4) if (png.pixels[i]! > 127) visible++
  return visible / (png.width * png.height)
}

describe('tray icon assets', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('has a drawn icon for every state on %s', (platform) => {
    for (const state of states) {
      const file = trayIconFile(state, platform, resources)
      expect(existsSync(file), file).toBe(true)
      const png = readPng(file)
      expect(png.width).toBe(png.height)
      const share = opaqueShare(png)
      expect(share, `${file} is neither blank nor a filled square`).toBeGreaterThan(0.05)
      expect(share).toBeLessThan(0.8)
    }
  })

  it('ships every size with an @2x twice as large', () => {
    for (const state of states) {
      for (const size of [16, 24, 32, 48, 64]) {
        expect(readPng(resolve(resources, `tray/${state}-${size}.png`)).width).toBe(size)
        expect(readPng(resolve(resources, `tray/${state}-${size}@2x.png`)).width).toBe(size * 2)
      }
      expect(readPng(resolve(resources, `tray/${state}Template@2x.png`)).width).toBe(32)
    }
  })

  it('draws macOS template images in black and alpha only', () => {
    for (const state of states) {
      const { pixels } = readPng(trayIconFile(state, 'darwin', resources))
      for (let i = 0; i < pixels.length; i += 4) {
        expect(pixels[i]! + pixels[i + 1]! + pixels[i + 2]!).toBe(0)
      }
    }
  })

  it('tells the states apart by shape, not colour alone', () => {
    const masks = states.map((s) => {
      const { pixels } = readPng(trayIconFile(s, 'darwin', resources))
      return Buffer.from(pixels.filter((_, i) => i % 4 === 3))
    })
    expect(masks[0]!.equals(masks[1]!)).toBe(false)
    expect(masks[1]!.equals(masks[2]!)).toBe(false)
    expect(masks[0]!.equals(masks[2]!)).toBe(false)
  })

  it('has a 512 px application icon', () => {
    expect(readPng(resolve(resources, 'icon.png')).width).toBe(512)
    expect(readPng(resolve(resources, 'icon-256.png')).width).toBe(256)
  })
})
