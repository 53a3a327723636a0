// Preloaded into the app's process (`node --require this out/main/index.js`):
// `require('electron')` returns the harness's fake; every other module the
// bundle loads is the real one. The fake is TypeScript, loaded through tsx's
// scoped require so nothing else in the process is transpiled.
'use strict'
const Module = require('node:module')
const path = require('node:path')
const { require: tsxRequire } = require('tsx/cjs/api')

// The platform profile's process.platform holds before the app's first module loads.
tsxRequire('./electron/profile.ts', __filename).applyPlatform()

const FAKE_ID = 'hark-harness:electron'
let fake = null

const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? FAKE_ID : resolve.call(this, request, ...rest)
}
const load = Module._load
Module._load = function (request, ...rest) {
  if (request !== 'electron' && request !== FAKE_ID) return load.call(this, request, ...rest)
  fake ??= tsxRequire('./electron/index.ts', path.join(__dirname, 'register.cjs')).createFakeElectron()
  return fake
}
