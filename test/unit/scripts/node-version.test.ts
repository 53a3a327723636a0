import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeCanFetchElectron, nodeVersionProblem, SUPPORTED_NODE } from '../../../scripts/node-version.mjs'

const root = resolve(__dirname, '../../..')
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { engines: { node: string } }

describe('the Node version npm start needs', () => {
  it('is what package.json engines states', () => {
    expect(pkg.engines.node).toBe(SUPPORTED_NODE)
  })

  it.each([
    ['18.20.4', false],
    ['20.18.3', false],
    ['20.19.0', true],
    ['20.20.2', true],
    ['21.7.3', false],
    ['22.11.0', false],
    ['22.12.0', true],
    ['24.1.0', true]
  ])('Node %s can fetch Electron: %s', (version, ok) => {
    expect(nodeCanFetchElectron(version)).toBe(ok)
  })

  it("matches what this Node really does with Electron's ESM-only downloader", () => {
    const electronDir = dirname(require.resolve('electron/package.json', { paths: [root] }))
    const loaded = spawnSync(process.execPath, ['-e', "require('@electron/get')"], { cwd: electronDir })
    expect(loaded.status === 0).toBe(nodeCanFetchElectron(process.versions.node))
  })

  it('explains an old Node in one line: the version found, the versions needed, what to do', () => {
    const message = nodeVersionProblem('20.11.1')
    expect(message).toMatch(/Node 20\.11\.1 .*20\.19\+ or 22\.12\+.*nvm install 22/)
    expect(message).not.toContain('\n')
    expect(nodeVersionProblem(process.versions.node)).toBeNull()
  })
})
