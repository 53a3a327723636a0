import { fakeApp } from './app'
import { FakeBrowserWindow } from './browser-window'
import { currentProfile } from './profile'
import { record } from './recorder'
import { asUserEvent } from './user-event'

type Click = (item: FakeMenuItem, window: FakeBrowserWindow | null, event: object) => void

export interface MenuItemOptions {
  label?: string
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio'
  click?: Click
  enabled?: boolean
  visible?: boolean
  checked?: boolean
  role?: string
  id?: string
  accelerator?: string
  sublabel?: string
  toolTip?: string
  submenu?: MenuItemOptions[] | FakeMenu
}

/** What the test reads of a menu (tray state, application menu). */
export interface MenuItemState {
  label: string
  type: string
  enabled: boolean
  visible: boolean
  checked: boolean
  id?: string
  role?: string
  accelerator?: string
  submenu?: MenuItemState[]
}

export class FakeMenuItem {
  label: string
  type: NonNullable<MenuItemOptions['type']>
  enabled: boolean
  visible: boolean
  checked: boolean
  readonly id?: string
  readonly role?: string
  readonly accelerator?: string
  readonly submenu?: FakeMenu
  readonly click?: Click
  menu: FakeMenu | null = null

  constructor(o: MenuItemOptions) {
    this.submenu =
      o.submenu instanceof FakeMenu ? o.submenu : o.submenu ? FakeMenu.buildFromTemplate(o.submenu) : undefined
    this.type = o.type ?? (this.submenu ? 'submenu' : 'normal')
    this.label = o.label ?? ''
    this.enabled = o.enabled ?? true
    this.visible = o.visible ?? true
    this.checked = o.checked ?? false
    this.id = o.id
    this.role = o.role
    this.accelerator = o.accelerator
    this.click = o.click
  }

  /** A user's click: refused when the user could not click it; toggles like Electron before the handler runs. */
  activate(): void {
    if (!this.enabled || !this.visible)
      throw new Error(`menu item '${this.label}' is ${this.enabled ? 'hidden' : 'disabled'}`)
    if (this.type === 'checkbox') this.checked = !this.checked
    if (this.type === 'radio') this.checkInGroup()
    const click = this.click
    if (click) asUserEvent(() => click(this, FakeBrowserWindow.getFocusedWindow(), { triggeredByAccelerator: false }))
    else if (this.role) asUserEvent(() => performRole(this.role!))
  }

  private checkInGroup(): void {
    const items = this.menu?.items ?? [this]
    const at = items.indexOf(this)
    let start = at
    while (start > 0 && items[start - 1]!.type === 'radio') start--
    for (let i = start; i < items.length && items[i]!.type === 'radio'; i++) items[i]!.checked = false
    this.checked = true
  }

  snapshot(): MenuItemState {
    const { label, type, enabled, visible, checked, id, role, accelerator } = this
    return { label, type, enabled, visible, checked, id, role, accelerator, submenu: this.submenu?.snapshot() }
  }
}

function performRole(role: string): void {
  const r = role.toLowerCase()
  if (r === 'quit') fakeApp.quit()
  else if (r === 'close') FakeBrowserWindow.getFocusedWindow()?.close()
  else if (r === 'minimize') FakeBrowserWindow.getFocusedWindow()?.minimize()
  else record('MenuItem.role', role)
}

export class FakeMenu {
  readonly items: FakeMenuItem[] = []

  static buildFromTemplate(template: Array<MenuItemOptions | FakeMenuItem>): FakeMenu {
    const menu = new FakeMenu()
    for (const t of template) menu.append(t instanceof FakeMenuItem ? t : new FakeMenuItem(t))
    return menu
  }

  static setApplicationMenu(menu: FakeMenu | null): void {
    applicationMenu = menu
    record('Menu.setApplicationMenu', menu ? menu.snapshot() : null)
  }

  static getApplicationMenu(): FakeMenu | null {
    return applicationMenu
  }

  append(item: FakeMenuItem): void {
    item.menu = this
    this.items.push(item)
  }

  insert(pos: number, item: FakeMenuItem): void {
    item.menu = this
    this.items.splice(pos, 0, item)
  }

  getMenuItemById(id: string): FakeMenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item
      const inner = item.submenu?.getMenuItemById(id)
      if (inner) return inner
    }
    return null
  }

  popup(options?: unknown): void {
    record('Menu.popup', options)
  }

  closePopup(): void {}

  /** Finds an item by its label path, e.g. ['Voice', 'Mute']. */
  find(path: string[]): FakeMenuItem {
    const [head, ...rest] = path
    const item = this.items.find((i) => i.label === head && i.type !== 'separator')
    if (!item)
      throw new Error(
        `no menu item '${head}' (have: ${this.items
          .map((i) => i.label)
          .filter(Boolean)
          .join(', ')})`
      )
    if (rest.length === 0) return item
    if (!item.submenu) throw new Error(`menu item '${head}' has no submenu`)
    return item.submenu.find(rest)
  }

  snapshot(): MenuItemState[] {
    return this.items.map((i) => i.snapshot())
  }

  toJSON(): object {
    return { menu: this.snapshot() }
  }
}

let applicationMenu: FakeMenu | null = null

/**
 * Electron's default application menu (lib/browser/default-menu.ts), set on
 * 'ready' before the app's own handlers run unless the app set one already:
 * File, Edit, View (Reload, Force Reload, Toggle Developer Tools…), Window,
 * Help, and on macOS the app menu first.
 */
fakeApp.prependOnceListener('ready', () => {
  if (applicationMenu) return
  const mac = currentProfile().platform === 'darwin'
  const roles = [...(mac ? ['appMenu'] : []), 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']
  applicationMenu = FakeMenu.buildFromTemplate(roles.map((role) => ({ role })))
})
