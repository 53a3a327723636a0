// The Node versions Hark's two commands need. Electron 45 fetches its binary
// on first use with @electron/get 5, an ES module that its CommonJS installer
// loads with require(): Node runs that without a flag from 20.19 and 22.12
// (never on 21, nor 22.0-22.11). Electron's own package.json asks for
// >= 22.12.0; the 20.19+ line works too (checked on Node 20.20).
// package.json's "engines" says the same; a unit test holds them together.

export const SUPPORTED_NODE = '^20.19.0 || >=22.12.0'

/** @param {string} version e.g. process.versions.node */
export function nodeCanFetchElectron(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  if (major === 20) return minor >= 19
  if (major === 22) return minor >= 12
  return major > 22
}

/** @param {string} version @returns {string | null} why this Node cannot start Hark, or null */
export function nodeVersionProblem(version) {
  if (nodeCanFetchElectron(version)) return null
  return (
    `hark: Node ${version} is too old for Electron 45's downloader, which needs Node 20.19+ or 22.12+ ` +
    '(it loads an ES module with require()). Install a current Node LTS (for example `nvm install 22`), then run `npm start` again.'
  )
}
