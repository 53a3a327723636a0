/**
 * The line protocol between Hark and its one long-lived Windows voice: a
 * PowerShell running SAPI (System.Speech), fed one utterance at a time.
 *
 * Hark → PowerShell, one command per line:
 *   `speak ID RATE VOICE TEXT`  VOICE and TEXT base64 of UTF-8 (VOICE empty: the default voice)
 *   `cancel ID`                 silence utterance ID now (SpeakAsyncCancelAll); the process lives on
 * PowerShell → Hark:
 *   `started ID`  SAPI is speaking it: sound
 *   `done ID` · `cancelled ID` · `error ID MESSAGE` (MESSAGE base64), exactly one per speak
 * The process exits when its stdin closes, so it dies with the app.
 *
 * Model text is untrusted. It travels base64-encoded as data, so no byte of
 * it can end a line, add a field or reach the script's text: the script is a
 * constant, and decoded values only ever go to SelectVoice and SpeakAsync.
 */

export type SapiReply =
  { kind: 'started' | 'done' | 'cancelled'; id: number } | { kind: 'error'; id: number; message: string }

/** One `speak` line; `rate` is SAPI's -10…10, already checked by the caller. */
export function speakLine(id: number, rate: number, voice: string, text: string): string {
  return `speak ${id} ${rate} ${base64(voice)} ${base64(text)}\n`
}

export function cancelLine(id: number): string {
  return `cancel ${id}\n`
}

/** A line from the process, or null for anything else (its banner, noise, a malformed line). */
export function parseReply(line: string): SapiReply | null {
  const m = /^(started|done|cancelled|error) ([0-9]{1,9})(?: ([A-Za-z0-9+/=]*))?$/.exec(line.trim())
  if (!m) return null
  const id = Number(m[2])
  if (m[1] === 'error') return { kind: 'error', id, message: Buffer.from(m[3] ?? '', 'base64').toString('utf8') }
  return m[3] === undefined ? { kind: m[1] as 'started' | 'done' | 'cancelled', id } : null
}

function base64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64')
}

/**
 * Polls while an utterance is out (every 15 ms: when SAPI starts speaking it,
 * when it completes) and otherwise blocks on the next line, so a waiting
 * voice costs no CPU. PowerShell 5.1 (.NET Framework) compatible.
 */
export const SAPI_SCRIPT = `
$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.Speech
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer
$s.SetOutputToDefaultAudioDevice()
$defaultVoice = $s.Voice.Name
$utf8 = New-Object System.Text.UTF8Encoding($false)
$in = New-Object System.IO.StreamReader([Console]::OpenStandardInput(), $utf8)
$out = New-Object System.IO.StreamWriter([Console]::OpenStandardOutput(), $utf8)
$out.AutoFlush = $true
function Decode([string]$b) { return $utf8.GetString([Convert]::FromBase64String($b)) }
function Reply([string]$word, [string]$id) { $out.WriteLine($word + ' ' + $id) }
$cur = $null
$next = $in.ReadLineAsync()
while ($true) {
  if ($null -ne $cur) {
    if (-not $cur.Started -and $s.State -eq 'Speaking') { $cur.Started = $true; Reply 'started' $cur.Id }
    if ($cur.Prompt.IsCompleted) {
      if ($cur.Cancelled) { Reply 'cancelled' $cur.Id } else { Reply 'done' $cur.Id }
      $cur = $null
    }
  }
  $wait = -1
  if ($null -ne $cur) { $wait = 15 }
  if (-not $next.Wait($wait)) { continue }
  $line = $next.Result
  if ($null -eq $line) { break }
  $next = $in.ReadLineAsync()
  $f = $line.Split(' ')
  if ($f.Length -lt 2 -or $f[1] -notmatch '^[0-9]{1,9}$') { continue }
  if ($f[0] -eq 'speak' -and $f.Length -eq 5) {
    try {
      if ($null -ne $cur) { throw 'busy: one utterance at a time' }
      if ($f[2] -notmatch '^-?[0-9]{1,2}$') { throw 'invalid rate' }
      $voice = Decode $f[3]
      if (-not $voice) { $voice = $defaultVoice }
      if ($voice -ne $s.Voice.Name) { $s.SelectVoice($voice) }
      $s.Rate = [int]$f[2]
      $cur = @{ Id = $f[1]; Prompt = $s.SpeakAsync((Decode $f[4])); Started = $false; Cancelled = $false }
    } catch {
      $out.WriteLine('error ' + $f[1] + ' ' + [Convert]::ToBase64String($utf8.GetBytes([string]$_)))
    }
  } elseif ($f[0] -eq 'cancel' -and $null -ne $cur -and $cur.Id -eq $f[1]) {
    $cur.Cancelled = $true
    $s.SpeakAsyncCancelAll()
  }
}
$s.SpeakAsyncCancelAll()
$s.Dispose()
`

/** powershell's argv: the constant script, UTF-16LE base64 as -EncodedCommand wants, so no quoting rule can touch it. */
export const SAPI_ARGS: readonly string[] = [
  '-NoLogo',
  '-NoProfile',
  '-NonInteractive',
  '-EncodedCommand',
  Buffer.from(SAPI_SCRIPT, 'utf16le').toString('base64')
]
