/** Just enough multipart/form-data parsing for the fake's upload routes. */
export interface FormPart {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

export function parseMultipart(body: Buffer, contentType: string | undefined): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '')
  if (!boundary) return []
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`)
  const parts: FormPart[] = []
  let at = body.indexOf(delimiter)
  while (at !== -1) {
    const start = at + delimiter.length
    if (body.toString('ascii', start, start + 2) === '--') break
    const next = body.indexOf(delimiter, start)
    if (next === -1) break
    const part = body.subarray(start + 2, next - 2) // CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n')
    if (split !== -1) {
      const head = part.toString('utf8', 0, split)
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? ''
      const filename = /filename="([^"]*)"/i.exec(head)?.[1]
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]
      parts.push({ name, filename, contentType: type, data: part.subarray(split + 4) })
    }
    at = next
  }
  return parts
}
