import { describe, expect, it } from 'vitest'
import { requiredPackages } from '../../support/packaging/bundle-requires'

const of = (code: string): string[] => requiredPackages([{ file: 'index.js', code }])

describe("a bundle's run-time packages", () => {
  it('are the bare names it requires, scoped packages by their scope and name', () => {
    expect(of(`const a = require("openai"); const b = require('@scope/pkg/sub/path'); require("zod/v4")`)).toEqual([
      '@scope/pkg',
      'openai',
      'zod'
    ])
  })

  it("leave out Node's built-ins, electron and the bundle's own chunks", () => {
    expect(of(`require("node:fs"); require("path"); require("electron"); require("./chunks/a.js")`)).toEqual([])
  })

  it('ignore methods that happen to be called require', () => {
    expect(of(`class S { require(id) { return this.require(id) } }`)).toEqual([])
  })

  it('cannot be told from a require or import() of a computed name, so that is an error', () => {
    expect(() => of('const m = require(name)')).toThrow(/without a literal name/)
    expect(() => of('await import(url)')).toThrow(/dynamic import/)
  })
})
