import { existsSync, readFileSync } from 'node:fs'
import { isMac } from './mac-desktop'

interface Size {
  width: number
  height: number
}

/** A PNG's size from its IHDR chunk; other formats report 0x0 (Hark ships PNGs). */
function pngSize(data: Buffer): Size {
  const isPng = data.length >= 24 && data.readUInt32BE(0) === 0x89504e47
  return isPng ? { width: data.readUInt32BE(16), height: data.readUInt32BE(20) } : { width: 0, height: 0 }
}

/**
 * nativeImage: keeps where an image came from and its size, so tests can
 * check which icon the tray shows. A missing file gives an empty image, as in Electron.
 */
export class FakeNativeImage {
  private template = false

  constructor(
    readonly source: string,
    private readonly data: Buffer,
    private readonly size: Size = pngSize(data)
  ) {}

  isEmpty(): boolean {
    return this.data.length === 0
  }

  getSize(): Size {
    return { ...this.size }
  }

  resize(opts: { width?: number; height?: number }): FakeNativeImage {
    const width =
      opts.width ?? Math.round(((opts.height ?? this.size.height) * this.size.width) / (this.size.height || 1))
    const height = opts.height ?? Math.round((width * this.size.height) / (this.size.width || 1))
    return new FakeNativeImage(this.source, this.data, { width, height })
  }

  setTemplateImage(flag: boolean): void {
    this.template = flag
  }

  isTemplateImage(): boolean {
    return this.template
  }

  toPNG(): Buffer {
    return Buffer.from(this.data)
  }

  toDataURL(): string {
    return `data:image/png;base64,${this.data.toString('base64')}`
  }

  toJSON(): object {
    return { image: this.source, ...this.size, empty: this.isEmpty(), template: this.template }
  }
}

/** macOS: a file whose base name ends in "Template" (before @2x and the extension) is a template image. */
const isTemplateName = (path: string): boolean => /Template(@\d+(\.\d+)?x)?\.[^./\\]+$/.test(path)

export function createFromPath(path: string): FakeNativeImage {
  const image = new FakeNativeImage(path, existsSync(path) ? readFileSync(path) : Buffer.alloc(0))
  if (isMac() && !image.isEmpty() && isTemplateName(path)) image.setTemplateImage(true)
  return image
}

export function createFromBuffer(data: Buffer): FakeNativeImage {
  return new FakeNativeImage('buffer', Buffer.from(data))
}

export function createFromDataURL(url: string): FakeNativeImage {
  return new FakeNativeImage('data-url', Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))
}

export function createEmpty(): FakeNativeImage {
  return new FakeNativeImage('empty', Buffer.alloc(0))
}

export const nativeImage = { createFromPath, createFromBuffer, createFromDataURL, createEmpty }
