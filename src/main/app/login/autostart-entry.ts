import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Linux's start-at-login: an XDG autostart desktop entry. Pure, so the quoting
 * is unit-tested; login-item.ts writes it.
 */

/**
 * An Exec= argument, quoted as the Desktop Entry spec asks: reserved
 * characters in double quotes with `"`, `` ` ``, `$` and `\` backslashed,
 * then the value's own string escaping doubles every backslash again.
 */
export function desktopExecArg(arg: string): string {
  const flat = arg.replace(/[\r\n\t]/g, ' ').replace(/%/g, '%%')
  if (/^[\w@%+=:,./-]+$/.test(flat)) return flat
  const quoted = `"${flat.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`
  return quoted.replace(/\\/g, '\\\\')
}

export function autostartEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Hark',
    'Comment=Voice assistant that speaks while it thinks',
    `Exec=${command.map(desktopExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    ''
  ].join('\n')
}

export function autostartFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'autostart', 'hark.desktop')
}
