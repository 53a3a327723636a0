import { EventEmitter } from 'node:events'
import type { FakeMenu, MenuItemState } from './menu'
import { createFromPath, type FakeNativeImage } from './native-image'
import { currentProfile } from './profile'
import { record } from './recorder'
import { strict } from './strict'
import { asUserEvent } from './user-event'

export interface TrayState {
  index: number
  /** false where no status-notifier host shows tray icons (linux-no-tray) */
  shown: boolean
  destroyed: boolean
  image: unknown
  pressedImage: unknown
  tooltip: string
  title: string
  menu: MenuItemState[] | null
}

const trays: FakeTray[] = []

const asImage = (image: FakeNativeImage | string): FakeNativeImage =>
  typeof image === 'string' ? createFromPath(image) : image

/**
 * A tray icon nobody can see: its icon, tooltip and menu are kept for the
 * test, which can click it where the profile's desktop shows tray icons.
 * Where it does not, `new Tray` still succeeds, as in Electron, and nothing
 * is there to click.
 */
export class FakeTray extends EventEmitter {
  private image: FakeNativeImage
  private pressedImage: FakeNativeImage | null = null
  private tooltip = ''
  private title = ''
  private menu: FakeMenu | null = null
  private destroyed = false

  constructor(image: FakeNativeImage | string) {
    super()
    this.image = asImage(image)
    const self = strict('Tray', this)
    trays.push(self)
    return self
  }

  static all(): FakeTray[] {
    return trays
  }

  setImage(image: FakeNativeImage | string): void {
    this.image = asImage(image)
  }

  setPressedImage(image: FakeNativeImage | string): void {
    this.pressedImage = asImage(image)
  }

  setToolTip(tooltip: string): void {
    this.tooltip = tooltip
  }

  setTitle(title: string): void {
    this.title = title
  }

  getTitle(): string {
    return this.title
  }

  /** Recorded: each call replaces the whole menu, closing it if the user has it open. */
  setContextMenu(menu: FakeMenu | null): void {
    record('Tray.setContextMenu', trays.indexOf(this))
    this.menu = menu
  }

  popUpContextMenu(): void {}

  closeContextMenu(): void {}

  setIgnoreDoubleClickEvents(): void {}

  getBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 1880, y: 0, width: 24, height: 24 }
  }

  displayBalloon(options: unknown): void {
    this.emit('balloon-show', options)
  }

  destroy(): void {
    this.destroyed = true
    this.menu = null
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** The test clicks a context-menu item by its label path. */
  clickItem(path: string[]): void {
    this.assertClickable()
    if (!this.menu) throw new Error('the tray has no context menu')
    this.menu.find(path).activate()
  }

  /** The test clicks the icon itself. */
  clickIcon(kind: 'click' | 'right-click' | 'double-click' | 'middle-click'): void {
    this.assertClickable()
    asUserEvent(() =>
      this.emit(kind, { altKey: false, shiftKey: false, ctrlKey: false, metaKey: false }, this.getBounds(), {
        x: 1890,
        y: 10
      })
    )
  }

  private assertClickable(): void {
    if (this.destroyed) throw new Error('the tray icon was destroyed')
    if (!currentProfile().tray.shown)
      throw new Error(`no tray icon is shown under the ${currentProfile().name} profile: the user cannot click it`)
  }

  snapshot(): TrayState {
    return {
      index: trays.indexOf(this),
      shown: currentProfile().tray.shown,
      destroyed: this.destroyed,
      image: this.image.toJSON(),
      pressedImage: this.pressedImage?.toJSON() ?? null,
      tooltip: this.tooltip,
      title: this.title,
      menu: this.menu?.snapshot() ?? null
    }
  }
}
