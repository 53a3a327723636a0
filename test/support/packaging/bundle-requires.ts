import { builtinModules } from 'node:module'

/**
 * The npm packages a CommonJS bundle loads at run time: its `require("x")`
 * calls with a bare name. Node's built-ins, `electron` and the bundle's own
 * chunks are not packages. A require or import() whose argument is not a
 * string literal cannot be analysed, so it is an error, not a silent pass.
 */

const LITERAL = /(?<![\w$.])require\(\s*(['"])([^'"]+)\1\s*\)/g
// a call, not a method that happens to be named require: `require(id) {`
const ANY_REQUIRE = /(?<![\w$.])require\((?![^)]*\)\s*\{)/g
const DYNAMIC_IMPORT = /(?<![\w$.])import\(/

const builtins = new Set(builtinModules)

export function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
}

export function requiredPackages(sources: Array<{ file: string; code: string }>): string[] {
  const found = new Set<string>()
  for (const { file, code } of sources) {
    const literal = [...code.matchAll(LITERAL)]
    const all = code.match(ANY_REQUIRE)?.length ?? 0
    if (all !== literal.length)
      throw new Error(`${file}: ${all - literal.length} require() calls without a literal name`)
    if (DYNAMIC_IMPORT.test(code)) throw new Error(`${file}: a dynamic import() cannot be analysed`)
    for (const [, , spec] of literal) {
      if (spec!.startsWith('.') || spec!.startsWith('node:') || builtins.has(spec!) || spec === 'electron') continue
      found.add(packageOf(spec!))
    }
  }
  return [...found].sort()
}
