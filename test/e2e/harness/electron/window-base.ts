import { EventEmitter } from 'node:events'
import { isMac, macDesktop } from './mac-desktop'
import { currentProfile } from './profile'
import { record } from './recorder'

export interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

/**
 * The parts of a BrowserWindow that are only geometry arithmetic or settings
 * headless Chromium cannot show: derived from getBounds/setBounds, or recorded
 * so tests can assert them.
 */
export abstract class WindowBase extends EventEmitter {
  abstract readonly id: number
  abstract getBounds(): Bounds
  abstract setBounds(bounds: Partial<Bounds>): void

  getContentBounds(): Bounds {
    return this.getBounds()
  }

  setContentBounds(bounds: Partial<Bounds>): void {
    this.setBounds(bounds)
  }

  getSize(): [number, number] {
    return [this.getBounds().width, this.getBounds().height]
  }

  setSize(width: number, height: number): void {
    this.setBounds({ width, height })
  }

  getContentSize(): [number, number] {
    return this.getSize()
  }

  setContentSize(width: number, height: number): void {
    this.setBounds({ width, height })
  }

  getPosition(): [number, number] {
    return [this.getBounds().x, this.getBounds().y]
  }

  setPosition(x: number, y: number): void {
    this.setBounds({ x, y })
  }

  center(): void {
    if (!currentProfile().windows.placement) return record('BrowserWindow.center.ignored', this.id)
    const { width, height } = this.getBounds()
    this.setBounds({ x: Math.round((1920 - width) / 2), y: Math.round((1080 - height) / 2) })
  }

  setVisibleOnAllWorkspaces(
    visible: boolean,
    options?: { visibleOnFullScreen?: boolean; skipTransformProcessType?: boolean }
  ): void {
    record('BrowserWindow.setVisibleOnAllWorkspaces', this.id, visible, options)
    if (isMac()) macDesktop.visibleOnAllWorkspaces(visible, options)
  }

  setIgnoreMouseEvents(...args: unknown[]): void {
    record('BrowserWindow.setIgnoreMouseEvents', this.id, ...args)
  }

  setMenuBarVisibility(visible: boolean): void {
    record('BrowserWindow.setMenuBarVisibility', this.id, visible)
  }

  setAutoHideMenuBar(hide: boolean): void {
    record('BrowserWindow.setAutoHideMenuBar', this.id, hide)
  }

  removeMenu(): void {
    record('BrowserWindow.removeMenu', this.id)
  }

  setMenu(menu: unknown): void {
    record('BrowserWindow.setMenu', this.id, menu)
  }

  setResizable(resizable: boolean): void {
    record('BrowserWindow.setResizable', this.id, resizable)
  }

  setMinimumSize(width: number, height: number): void {
    record('BrowserWindow.setMinimumSize', this.id, width, height)
  }

  setBackgroundColor(color: string): void {
    record('BrowserWindow.setBackgroundColor', this.id, color)
  }

  setIcon(icon: unknown): void {
    record('BrowserWindow.setIcon', this.id, icon)
  }

  flashFrame(flag: boolean): void {
    record('BrowserWindow.flashFrame', this.id, flag)
  }
}
