import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mayCall, mayHear, pageAccess } from '../../../../src/shared/ipc/page-access'
import { eventNames, routeNames, type EventName, type RouteName } from '../../../../src/shared/ipc/contract'

const renderer = join(__dirname, '../../../../src/renderer/src')

/** Every `invoke('x'` and `on('x'` in a folder of the renderer. */
function channelsUsedIn(folder: string): { routes: string[]; events: string[] } {
  const files = readdirSync(join(renderer, folder), { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.tsx?$/.test(f)
  )
  const text = files.map((f) => readFileSync(join(renderer, folder, f), 'utf8')).join('\n')
  const names = (kind: string) => [...text.matchAll(new RegExp(`${kind}\\(\\s*'([a-zA-Z.]+)'`, 'g'))].map((m) => m[1]!)
  return { routes: names('invoke'), events: names('on') }
}

describe('pageAccess', () => {
  it('names only routes and events the contracts declare', () => {
    for (const access of Object.values(pageAccess)) {
      for (const r of access.routes) expect(routeNames).toContain(r)
      for (const e of access.events) expect(eventNames).toContain(e)
    }
  })

  it.each([
    ['index', ['index', 'shared']],
    ['quick', ['quick', 'shared']],
    ['indicator', ['indicator']]
  ] as const)('lets the %s page call and hear everything its code uses', (page, folders) => {
    for (const folder of folders) {
      const used = channelsUsedIn(folder)
      expect(used.routes.length, `${folder} uses routes`).toBeGreaterThan(0)
      for (const r of used.routes) expect(mayCall(page, r as RouteName), `${page} calls ${r}`).toBe(true)
      for (const e of used.events) expect(mayHear(page, e as EventName), `${page} hears ${e}`).toBe(true)
    }
  })

  it('keeps settings and keys to the main window', () => {
    for (const route of ['settings.set', 'keys.set', 'keys.clear', 'models.list', 'provider.test'] as const) {
      expect(mayCall('index', route)).toBe(true)
      expect(mayCall('quick', route)).toBe(false)
      expect(mayCall('indicator', route)).toBe(false)
    }
  })
})
