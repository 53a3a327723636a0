import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchHarnessApp, repoRoot } from '../support/harness-app'
import type { LaunchedApp } from '../support/app-launcher'
import { requirePulse } from '../support/virtual-mic'
import { requiredPackages } from '../support/packaging/bundle-requires'
import { packApp, type PackedApp } from '../support/packaging/packed-app'

/**
 * `npm run dist -- --dir` against a stand-in Electron (no binary can be
 * downloaded here): app.asar holds exactly what the app loads at run time, the
 * files other programs open sit outside it, and the packed main bundle starts
 * as a packaged Hark in the harness, finding them through process.resourcesPath.
 * Packing rebuilds out/ (npm run dist builds first): e2e files run one at a time.
 */

interface PackageJson {
  name: string
  main?: string
  productName?: string
  desktopName?: string
  scripts?: object
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

const readJson = (file: string): PackageJson => JSON.parse(readFileSync(file, 'utf8')) as PackageJson
const project = readJson(join(repoRoot, 'package.json'))

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name)).split(sep).join('/')]
  )
}

/** Node's lookup of `name` from `fromDir`, stopping at the app's root. */
function packageDir(root: string, fromDir: string, name: string): string | null {
  for (let dir = fromDir; dir.startsWith(root); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === root) break
  }
  return null
}

/** Every package folder a set of packages needs, following dependencies as Node resolves them. */
function dependencyClosure(root: string, names: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (fromDir: string, name: string, optional: boolean): void => {
    const dir = packageDir(root, fromDir, name)
    if (!dir) {
      if (optional) return
      throw new Error(`${name}, needed from ${relative(root, fromDir) || 'the app'}, is not in app.asar`)
    }
    const rel = relative(root, dir).split(sep).join('/')
    if (seen.has(rel)) return
    seen.add(rel)
    const pkg = readJson(join(dir, 'package.json'))
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dir, dep, false)
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dir, dep, true)
  }
  for (const name of names) visit(root, name, false)
  return seen
}

const packageFolders = (entries: string[]): string[] =>
  entries.filter((e) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+$/.test(e) && entries.includes(`${e}/package.json`))

let packed: PackedApp
let appRoot: string
let resources: string

beforeAll(() => {
  packed = packApp()
  resources = packed.extractedResources()
  appRoot = join(resources, 'app.asar')
}, 180_000)
afterAll(() => packed?.remove())

describe('the packed app.asar', () => {
  it('holds only package.json, the built bundles and node_modules', () => {
    const top = packed.asarEntries.filter((e) => !e.includes('/'))
    expect(top.sort()).toEqual(['node_modules', 'out', 'package.json'])
  })

  it('holds every file of the built main, preload and renderer bundles, and not the CLI', () => {
    const built = filesUnder(join(repoRoot, 'out')).filter((f) => f !== 'main/cli.js')
    const inAsar = filesUnder(join(appRoot, 'out'))
    expect(inAsar.sort()).toEqual(built.sort())
  })

  it('has a package.json that starts the main bundle with the product name and portal identity', () => {
    const pkg = readJson(join(appRoot, 'package.json'))
    expect(existsSync(join(appRoot, pkg.main ?? 'index.js'))).toBe(true)
    expect(pkg).toMatchObject({ productName: 'Hark', desktopName: 'io.hark.Hark.desktop' })
    expect(pkg.devDependencies).toBeUndefined()
  })

  it('declares as dependencies exactly the packages the main bundle requires', () => {
    const mainDir = join(repoRoot, 'out/main')
    const bundles = ['index.js', ...readdirSync(join(mainDir, 'chunks')).map((c) => `chunks/${c}`)]
    const required = requiredPackages(
      bundles.map((file) => ({ file, code: readFileSync(join(mainDir, file), 'utf8') }))
    )
    expect(required.length).toBeGreaterThan(0)
    expect(Object.keys(project.dependencies ?? {}).sort()).toEqual(required)
  })

  it('resolves each of them inside app.asar, with all their dependencies and nothing else', () => {
    const runtime = Object.keys(project.dependencies ?? {})
    const fromMain = createRequire(join(appRoot, 'out/main/index.js'))
    for (const name of runtime) expect(fromMain.resolve(name).startsWith(appRoot + sep), name).toBe(true)
    const needed = dependencyClosure(appRoot, runtime)
    expect(packageFolders(packed.asarEntries).sort()).toEqual([...needed].sort())
  })

  it('leaves out development tools, tests, sources, typings and source maps', () => {
    const names = new Set(packageFolders(packed.asarEntries).map((p) => p.split('node_modules/').pop()))
    for (const dev of Object.keys(project.devDependencies ?? {})) expect(names.has(dev), dev).toBe(false)
    expect(names.has('tsx')).toBe(false)
    const stray = packed.asarEntries.filter((e) => /\.(ts|mts|cts|map)$/.test(e) || /^(src|test|bench|docs)\//.test(e))
    expect(stray).toEqual([])
  })
})

describe("the package's resources folder", () => {
  it('holds the chimes, tray icons and app icon as plain files, identical to the repository', () => {
    const wanted = filesUnder(join(repoRoot, 'resources')).filter((f) =>
      /^(chimes\/.*\.wav|tray\/.*\.png|icon\.png)$/.test(f)
    )
    const packedFiles = filesUnder(packed.resources).filter((f) => f !== 'app.asar')
    expect(packedFiles.sort()).toEqual(wanted.sort())
    for (const f of wanted)
      expect(readFileSync(join(packed.resources, f)).equals(readFileSync(join(repoRoot, 'resources', f))), f).toBe(true)
  })

  it('sits next to an executable named for the .desktop entry', () => {
    expect(existsSync(join(packed.appOutDir, 'hark'))).toBe(true)
  })
})

describe('the packed main bundle in the harness', () => {
  let app: LaunchedApp | undefined
  let bin: string
  afterAll(async () => {
    await app?.close()
    rmSync(bin, { recursive: true, force: true })
  })

  it('starts as a packaged app and hands other programs files from process.resourcesPath', async () => {
    requirePulse() // push-to-talk records before the start chime plays
    bin = mkdtempSync(join(tmpdir(), 'hark-fake-player-'))
    const played = join(bin, 'played.log')
    // a paplay that notes which file it was given and whether that file exists
    writeFileSync(
      join(bin, 'paplay'),
      `#!/bin/sh\nif [ -f "$1" ]; then s=exists; else s=missing; fi\necho "$s $1" >> '${played}'\n`
    )
    chmodSync(join(bin, 'paplay'), 0o755)
    app = await launchHarnessApp({
      packagedResources: resources,
      env: {
        PATH: `${bin}:${process.env['PATH']}`,
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
        OPENAI_API_KEY: 'test-key'
      }
    })
    const main = await app.window('index')
    expect(new URL(main.url()).pathname).toBe(join(appRoot, 'out/renderer/index.html'))

    const [tray] = await app.control.trays()
    expect(tray?.image).toMatchObject({ image: join(resources, 'tray/idle-24.png'), empty: false })

    await app.control.triggerShortcut('CommandOrControl+Shift+Space')
    // the hotkey also readies the voice, whose waiting player is a paplay too: the chime's line is the one to check
    const chimeLine = (): string | undefined =>
      existsSync(played)
        ? readFileSync(played, 'utf8')
            .split('\n')
            .find((line) => line.endsWith('/start.wav'))
        : undefined
    await expect.poll(chimeLine, { timeout: 20_000 }).toBeTruthy()
    expect(chimeLine()).toBe(`exists ${join(resources, 'chimes/start.wav')}`)
  })
})
