/** A conversation's automatic title: the first line of its first question, shortened at a word. */
export function titleFrom(prompt: string, max = 60): string {
  const line = prompt.trim().split('\n')[0]!.replace(/\s+/g, ' ')
  if (line.length <= max) return line
  const cut = line.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
