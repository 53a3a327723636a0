#!/usr/bin/env node
/**
 * Draws Hark's icons as PNGs with nothing but node:zlib, so they can be
 * regenerated anywhere: `node scripts/make-icons.mjs`. The PNGs are committed;
 * the app never runs this.
 *
 * The mark is a speech wave: rounded vertical bars. Each tray state changes the
 * bars' heights (quiet when idle, a mic-dot when listening, a tall wave when
 * speaking), so the state reads even in the one-colour macOS template images.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'resources')

// ---- PNG encoding (RGBA, 8 bits per channel) ----

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

// ---- Shapes, in a unit square (0..1), as signed distance functions ----

/** A vertical capsule: a bar with round ends. */
const bar = (cx, halfHeight, radius) => (x, y) => {
  const dy = Math.max(Math.abs(y - 0.5) - halfHeight, 0)
  return Math.hypot(x - cx, dy) - radius
}
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r
const roundedSquare = (inset, radius) => (x, y) => {
  const half = 0.5 - inset - radius
  const qx = Math.max(Math.abs(x - 0.5) - half, 0)
  const qy = Math.max(Math.abs(y - 0.5) - half, 0)
  return Math.hypot(qx, qy) - radius
}

const barX = [0.14, 0.32, 0.5, 0.68, 0.86]
const glyphs = {
  idle: [0.06, 0.16, 0.24, 0.16, 0.06],
  listening: [0.1, 0.2, 0.1, 0.2, 0.1],
  speaking: [0.14, 0.3, 0.38, 0.3, 0.14]
}

function glyphShapes(state, scale = 1, offset = 0) {
  const shapes = glyphs[state].map((h, i) => bar(offset + barX[i] * scale, h * scale, 0.07 * scale))
  return shapes
}

/** Coverage of a union of shapes in pixel (px, py), by 4x4 supersampling. */
function coverage(shapes, size, px, py) {
  let inside = 0
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const x = (px + (sx + 0.5) / 4) / size
      const y = (py + (sy + 0.5) / 4) / size
      if (shapes.some((d) => d(x, y) <= 0)) inside++
    }
  }
  return inside / 16
}

/** layers: [{ shapes, colour: (x, y) => [r, g, b] }], painted in order. */
function paint(size, layers) {
  const rgba = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0]
      for (const layer of layers) {
        const c = coverage(layer.shapes, size, px, py)
        if (c === 0) continue
        const [lr, lg, lb] = layer.colour((px + 0.5) / size, (py + 0.5) / size)
        // "over" compositing with straight alpha
        const outA = c + a * (1 - c)
        r = (lr * c + r * a * (1 - c)) / outA
        g = (lg * c + g * a * (1 - c)) / outA
        b = (lb * c + b * a * (1 - c)) / outA
        a = outA
      }
      const i = (py * size + px) * 4
      rgba[i] = Math.round(r)
      rgba[i + 1] = Math.round(g)
      rgba[i + 2] = Math.round(b)
      rgba[i + 3] = Math.round(a * 255)
    }
  }
  return encodePng(size, rgba)
}

const solid = (rgb) => () => rgb
const stateColour = { idle: [96, 112, 140], listening: [226, 76, 60], speaking: [46, 140, 220] }
const listeningDot = () => circle(0.84, 0.16, 0.13)

function trayLayers(state, colourOf) {
  if (state !== 'listening') return [{ shapes: glyphShapes(state), colour: colourOf('bars') }]
  // The bars shrink left to leave room for a "recording" dot.
  return [
    { shapes: glyphShapes(state, 0.8, 0), colour: colourOf('bars') },
    { shapes: [listeningDot()], colour: colourOf('dot') }
  ]
}

function write(name, png) {
  const file = join(out, name)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, png)
  return name
}

const written = []
for (const state of Object.keys(glyphs)) {
  // Windows and Linux: coloured, every common tray size, each with an @2x.
  const colour = () => solid(stateColour[state])
  for (const size of [16, 24, 32, 48, 64]) {
    written.push(write(`tray/${state}-${size}.png`, paint(size, trayLayers(state, colour))))
    written.push(write(`tray/${state}-${size}@2x.png`, paint(size * 2, trayLayers(state, colour))))
  }
  // macOS menu bar: black + alpha only, so the system tints it for light/dark.
  const black = () => solid([0, 0, 0])
  const stem = `${state}Template`
  written.push(write(`tray/${stem}.png`, paint(16, trayLayers(state, black))))
  written.push(write(`tray/${stem}@2x.png`, paint(32, trayLayers(state, black))))
}

// App icon: white speaking wave on a blue-violet rounded square.
const gradient = (x, y) => {
  const t = (x + y) / 2
  return [Math.round(58 + 60 * t), Math.round(110 - 40 * t), Math.round(230 - 20 * t)]
}
for (const size of [256, 512]) {
  const layers = [
    { shapes: [roundedSquare(0.04, 0.2)], colour: gradient },
    { shapes: glyphShapes('speaking', 0.6, 0.2), colour: solid([255, 255, 255]) }
  ]
  written.push(write(size === 512 ? 'icon.png' : `icon-${size}.png`, paint(size, layers)))
}

console.log(`wrote ${written.length} icons to resources/`)
