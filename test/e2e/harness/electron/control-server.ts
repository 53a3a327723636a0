import type { ControlApi, ControlReply, ControlRequest } from '../control-api'
import { isMac, macDesktop } from './mac-desktop'
import { CONTROL_TAG } from '../control-api'
import { fakeApp } from './app'
import { FakeBrowserWindow } from './browser-window'
import { dialogAnswers, mediaAccess } from './desktop'
import { shortcutControl } from './global-shortcut'
import { FakeMenu } from './menu'
import { recordedCalls } from './recorder'
import { setStorageBackend } from './safe-storage'
import { setCursor } from './screen'
import { defaultSession } from './session'
import { FakeTray } from './tray'

function windowById(id: number): FakeBrowserWindow {
  const win = FakeBrowserWindow.fromId(id)
  if (!win) throw new Error(`no open window with id ${id}`)
  return win
}

function trayAt(index = 0): FakeTray {
  const tray = FakeTray.all()[index]
  if (!tray) throw new Error(`no tray icon #${index} (the app created ${FakeTray.all().length})`)
  return tray
}

const api: ControlApi = {
  windows: () => FakeBrowserWindow.getAllWindows().map((w) => w.describe()),
  closeWindow: (id) => windowById(id).close(),
  blurWindow: (id) => windowById(id).loseFocus(),
  focusWindow: (id) => windowById(id).focusByUser(),
  shortcuts: () => shortcutControl.registered(),
  triggerShortcut: (accelerator) => shortcutControl.trigger(accelerator),
  trays: () => FakeTray.all().map((t) => t.snapshot()),
  clickTrayItem: (path, tray) => trayAt(tray).clickItem(path),
  clickTray: (kind = 'click', tray) => trayAt(tray).clickIcon(kind),
  applicationMenu: () => FakeMenu.getApplicationMenu()?.snapshot() ?? null,
  calls: (prefix) => recordedCalls(prefix),
  permission: (permission, origin) => defaultSession.askPermission(permission, origin),
  configure(config) {
    if (config.storageBackend) setStorageBackend(config.storageBackend)
    if (config.dialogResponse !== undefined) dialogAnswers.response = config.dialogResponse
    for (const a of config.takeShortcuts ?? []) shortcutControl.take(a)
    if (config.cursor) setCursor(config.cursor)
    if (config.mediaAccessAnswer !== undefined) mediaAccess.answer = config.mediaAccessAnswer
  },
  quit: () => fakeApp.quit(),
  loginItem: () => fakeApp.loginLaunch,
  macDesktop: () => macOnly().state(),
  switchToOtherApp: () => macOnly().switchToOtherApp()
}

function macOnly(): typeof macDesktop {
  if (!isMac()) throw new Error('macDesktop controls need the darwin profile')
  return macDesktop
}

async function answer(req: ControlRequest): Promise<unknown> {
  const fn = api[req.method] as (...args: unknown[]) => unknown
  if (!fn) throw new Error(`unknown control method '${String(req.method)}'`)
  return fn(...req.args)
}

/** Serves the test's control requests when the app runs as a forked child. */
export function startControlServer(): void {
  const send = process.send?.bind(process)
  if (!send) return
  process.on('message', (msg: { [CONTROL_TAG]?: ControlRequest }) => {
    const req = msg?.[CONTROL_TAG]
    if (!req) return
    const reply = (r: ControlReply): void => void send({ [CONTROL_TAG]: r })
    answer(req).then(
      (value) => reply({ id: req.id, ok: true, value: value ?? null }),
      (err: unknown) => reply({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) })
    )
  })
  // The channel must not keep a quitting app alive.
  process.channel?.unref()
}
