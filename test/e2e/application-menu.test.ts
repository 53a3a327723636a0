import { existsSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { MenuItemState } from './harness/control-api'
import { appForTest } from '../support/app-for-test'

/** What a user of the installed app gets around its windows: the menu and the window icon. */

const roles = (items: MenuItemState[] | null): string[] =>
  (items ?? []).flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? null)])
const DEVELOPER_ROLES = ['viewMenu', 'reload', 'forceReload', 'toggleDevTools']

describe('the application menu and window icon', () => {
  test('Linux: no developer items, an Edit menu, and a window icon that exists', async () => {
    const app = await appForTest()
    await app.window('index')
    const menu = roles(await app.control.applicationMenu())
    expect(menu).toContain('editMenu')
    expect(menu.filter((r) => DEVELOPER_ROLES.includes(r))).toEqual([])
    const main = (await app.windows()).find((w) => w.options['title'] === 'Hark')
    expect(existsSync(String(main?.options['icon']))).toBe(true)
  })

  test('macOS: the app menu (About, Hide, Quit) and Edit menu, no developer items', async () => {
    const app = await appForTest({ profile: 'darwin' })
    await app.window('index')
    const menu = roles(await app.control.applicationMenu())
    expect(menu).toEqual(expect.arrayContaining(['appMenu', 'editMenu']))
    expect(menu.filter((r) => DEVELOPER_ROLES.includes(r))).toEqual([])
  })
})
