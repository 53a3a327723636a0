// The bare baseline for long-answer.bench.ts: the openai SDK streaming one answer
// and dropping it, in plain Node. Prints the number of answer characters read.
import OpenAI from 'openai'

const client = new OpenAI({ baseURL: process.argv[2], apiKey: 'k', maxRetries: 0 })
const stream = await client.chat.completions.create({
  model: 'm',
  messages: [{ role: 'user', content: 'q' }],
  stream: true
})
let chars = 0
for await (const chunk of stream) chars += chunk.choices[0]?.delta?.content?.length ?? 0
process.stdout.write(String(chars))
