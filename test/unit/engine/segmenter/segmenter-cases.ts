/** Tricky inputs and the utterances they must become, whatever the chunking. */
export interface Case {
  name: string
  input: string
  expected: string[]
}

const c = (name: string, input: string, expected: string[]): Case => ({ name, input, expected })

export const BOUNDARY_CASES: Case[] = [
  c('title Dr.', 'I spoke with Dr. Smith yesterday. He agreed.', ['I spoke with Dr. Smith yesterday.', 'He agreed.']),
  c('Mr. Mrs. Ms.', 'Mr. and Mrs. Jones arrived. Ms. Lee left.', ['Mr. and Mrs. Jones arrived.', 'Ms. Lee left.']),
  c('Prof. and St.', 'Prof. Xavier teaches at St. Mary school. Classes start soon.', [
    'Prof. Xavier teaches at St. Mary school.',
    'Classes start soon.'
  ]),
  c('e.g. before a capital', 'Use tools, e.g. Python or Go. They work.', [
    'Use tools, e.g. Python or Go.',
    'They work.'
  ]),
  c('i.e. before a capital', 'Pick the best, i.e. The fastest one. Yes.', [
    'Pick the best, i.e. The fastest one.',
    'Yes.'
  ]),
  c('etc. then lowercase', 'Bring apples, pears, etc. and more. Done.', [
    'Bring apples, pears, etc. and more.',
    'Done.'
  ]),
  c('etc. ends a sentence', 'We need bread, milk, etc. Then we go home.', [
    'We need bread, milk, etc.',
    'Then we go home.'
  ]),
  c('vs.', 'It is Python vs. Go today. Pick one.', ['It is Python vs. Go today.', 'Pick one.']),
  c('p.m. ends a sentence', 'Meet at 5 p.m. Then we eat.', ['Meet at 5 p.m.', 'Then we eat.']),
  c('a.m. then lowercase', 'At 9 a.m. sharp we start. Be there.', ['At 9 a.m. sharp we start.', 'Be there.']),
  c('U.S. before a noun', 'The U.S. Army is large. It grew.', ['The U.S. Army is large.', 'It grew.']),
  c('U.S. ending a sentence', 'I moved to the U.S. It was cold.', ['I moved to the U.S.', 'It was cold.']),
  c('initials', 'J. R. R. Tolkien wrote books. They sold.', ['J. R. R. Tolkien wrote books.', 'They sold.']),
  c('middle initial', 'George W. Bush spoke. We listened.', ['George W. Bush spoke.', 'We listened.']),
  c('single letter ends a sentence before an opener', 'Take vitamin C. It helps.', ['Take vitamin C.', 'It helps.']),
  c('decimal', 'Pi is roughly 3.14 today. Next one.', ['Pi is roughly 3.14 today.', 'Next one.']),
  c('money with thousands', 'It costs $1,299.99 now. Buy it.', ['It costs $1,299.99 now.', 'Buy it.']),
  c('version', 'Upgrade to v2.3.1 today. It is faster.', ['Upgrade to v2.3.1 today.', 'It is faster.']),
  c('IP address', 'Ping 192.168.0.1 first. Then retry.', ['Ping 192.168.0.1 first.', 'Then retry.']),
  c('file name', 'Open config.json and edit it. Save.', ['Open config.json and edit it.', 'Save.']),
  c('file name ends a sentence', 'The file is README.md. Open it.', ['The file is README.md.', 'Open it.']),
  c('email', 'Mail john.doe@example.com today. Thanks.', ['Mail john.doe@example.com today.', 'Thanks.']),
  c('URL with path and period', 'Visit https://example.com/docs/page.html. It helps.', [
    'Visit example.com.',
    'It helps.'
  ]),
  c('URL then exclamation', 'Visit https://x.com! Then go.', ['Visit x.com!', 'Then go.']),
  c('URL then ?!', 'See www.a.org?! Yes.', ['See a.org?!', 'Yes.']),
  c('www URL', 'See www.github.com for more. Bye.', ['See github.com for more.', 'Bye.']),
  c('URL with port', 'See http://localhost:3000/api. Works.', ['See localhost.', 'Works.']),
  c('URL at the very end', 'Ends with a URL https://a.io', ['Ends with a URL a.io']),
  c('inline code keeps its periods', 'Run `npm run build. Now` first. Then test.', [
    'Run npm run build. Now first.',
    'Then test.'
  ]),
  c('open parenthesis', 'He said (see Fig. 2. It is there.) and left. Good.', [
    'He said (see Fig. 2. It is there.) and left.',
    'Good.'
  ]),
  c('open quote', 'She said "Go home. Now." and smiled. Fine.', ['She said "Go home. Now." and smiled.', 'Fine.']),
  c('lowercase continuation', 'the value is low. but it works. Really.', [
    'the value is low. but it works.',
    'Really.'
  ]),
  c('ellipsis and ?!', 'Wait... What happened? Nothing! Okay.', ['Wait...', 'What happened?', 'Nothing!', 'Okay.']),
  c('?! combined', 'Is it done?! Yes.', ['Is it done?!', 'Yes.']),
  c('closing quote after !', 'He shouted "Stop!" Then he ran.', ['He shouted "Stop!"', 'Then he ran.']),
  c('closing bracket after period', '(This is a note.) Next point.', ['(This is a note.)', 'Next point.']),
  c('unicode ellipsis', 'Wow… Amazing.', ['Wow…', 'Amazing.']),
  c('quote opens the next sentence', 'Really?! "Yes," she said.', ['Really?!', '"Yes," she said.']),
  c('digit opens the next sentence', 'Version 2 is out. 3 bugs fixed.', ['Version 2 is out.', '3 bugs fixed.']),
  c('No. before a number', 'See No. 5 on the list. Good.', ['See No. 5 on the list.', 'Good.']),
  c('number opening a sentence is an enumerator', 'Done. 2. Then more. End.', ['Done.', '2. Then more.', 'End.']),
  c('year ends a sentence', 'The year was 2024. It was fine.', ['The year was 2024.', 'It was fine.']),
  c('no space after period', 'A sentence.Another without space.', ['A sentence.Another without space.']),
  c('identical sentences all spoken', 'Yes. Yes. Yes.', ['Yes.', 'Yes.', 'Yes.']),
  c('unterminated tail', 'Hello world', ['Hello world']),
  c('empty', '', []),
  c('whitespace only', '   \n\n  \t ', []),
  c('symbols only', '... --- ***', []),
  c('symbol-only sentence joins the next', 'Hello. ... World.', ['Hello.', '... World.']),
  c('smiley bracket does not block', 'Smile :( sadly. Then laugh.', ['Smile :( sadly.', 'Then laugh.']),
  c('parentheses in calls', 'Call f(x) then g(y). Done.', ['Call f(x) then g(y).', 'Done.']),
  c('Chinese', '你好！我是助手。', ['你好！', '我是助手。']),
  c('Japanese', 'これはペンです。あれは本です。', ['これはペンです。', 'あれは本です。']),
  c('Chinese question', '这是什么？我不知道。', ['这是什么？', '我不知道。']),
  c('ASCII ! after CJK', '好的!接下来。', ['好的!', '接下来。']),
  c('CJK quotes', '他说：“你好。”然后走了。', ['他说：“你好。”', '然后走了。']),
  c('Devanagari', 'नमस्ते। आप कैसे हैं?', ['नमस्ते।', 'आप कैसे हैं?']),
  c('Arabic question mark', 'هل أنت بخير؟نعم.', ['هل أنت بخير؟', 'نعم.']),
  c('CRLF line endings', 'Windows\r\nline endings. Yes.', ['Windows line endings.', 'Yes.'])
]

export const MARKDOWN_CASES: Case[] = [
  c('fenced code', "Try this:\n```python\nprint('Hello. World.')\n```\nIt prints a greeting.", [
    'Try this:',
    'It prints a greeting.'
  ]),
  c('tilde fence', '~~~\ncode. More.\n~~~\nAfter.', ['After.']),
  c('longer fence holds a shorter one', '````md\n```\ninner. Text.\n```\n````\nDone.', ['Done.']),
  c('unclosed fence stays silent', 'Intro:\n```js\nconst a = 1. // never closed\nMore. Code.', ['Intro:']),
  c('heading', '# Heading One\nBody text here.', ['Heading One', 'Body text here.']),
  c('numbered heading', '## 1. Introduction\nText here.', ['1. Introduction', 'Text here.']),
  c('closed heading', '## Setup ##\nText.', ['Setup', 'Text.']),
  c('hashtag is not a heading', '#hashtag is fun. Yes.', ['#hashtag is fun.', 'Yes.']),
  c('ordered list', 'Steps:\n1. Open the app\n2. Click Save\n3) Done', [
    'Steps:',
    'Open the app',
    'Click Save',
    'Done'
  ]),
  c('bullets', '- apples\n- pears\n* plums\n+ figs', ['apples', 'pears', 'plums', 'figs']),
  c('list item with sentences', '## Steps\n1. Install Node.js. It is quick.\n2. Run it.', [
    'Steps',
    'Install Node.js.',
    'It is quick.',
    'Run it.'
  ]),
  c('nested list and continuation', 'Item list:\n  - nested item\n    continued here.\n- top', [
    'Item list:',
    'nested item continued here.',
    'top'
  ]),
  c('lazy continuation of an item', '1. First\nlazy line.\n2. Second', ['First lazy line.', 'Second']),
  c('block quote', '> Quoted line one. Quoted two.\n> still quote\n\nAfter.', [
    'Quoted line one.',
    'Quoted two. still quote',
    'After.'
  ]),
  c('nested quote', '> > deep quote.\nPlain.', ['deep quote.', 'Plain.']),
  c('heading in a quote', '> # Quoted heading\n> text.', ['Quoted heading', 'text.']),
  c('soft line break', 'A paragraph line\ncontinues here. Next.', ['A paragraph line continues here.', 'Next.']),
  c('paragraphs', 'Para one\n\nPara two', ['Para one', 'Para two']),
  c('emphasis, strikethrough silent', 'Some **bold** and *italic* and ***both*** and ~~strike~~ and _under_ words.', [
    'Some bold and italic and both and and under words.'
  ]),
  c('identifiers survive', 'Call my_function_name and __dunder__ now.', ['Call my_function_name and dunder now.']),
  c('inline code unwrapped', 'Use `git commit -m "x"` to save.', ['Use git commit -m "x" to save.']),
  c('double-backtick code', 'Type ``a `b` c`` here.', ['Type a b c here.']),
  c('link becomes its text', 'Read [the docs](https://example.com/a_(b)) first. Then code.', [
    'Read the docs first.',
    'Then code.'
  ]),
  c('image alt text', '![diagram](img.png) shows it. Yes.', ['diagram shows it.', 'Yes.']),
  c('autolink', 'Go to <https://example.org/x> now. Bye.', ['Go to example.org now.', 'Bye.']),
  c('HTML tags', 'This is <b>bold</b> and<br>more. End.', ['This is bold and more.', 'End.']),
  c('HTML block', '<details>\n<summary>Click</summary>\nHidden text.\n</details>', ['Click Hidden text.']),
  c('generics are not a tag', 'Use <T extends U> types. Done.', ['Use <T extends U> types.', 'Done.']),
  c('comparison is not a tag', 'x < y and y > z here. Fine.', ['x < y and y > z here.', 'Fine.']),
  c('think block', '<think>\nSecret. Reasoning.\n</think>\nAnswer here.', ['Answer here.']),
  c('unclosed think block', '<think>\nstill thinking. never closed', []),
  c('HTML comment', '<!-- note. -->\nVisible text.', ['Visible text.']),
  c('pipe table', '| Name | Age |\n| --- | --- |\n| Bob | 5 |\n\nTable done.', ['Table done.']),
  c('table without outer pipes, header included', 'Name | Age\n--- | ---\nBob | 5\n\nDone.', ['Done.']),
  c('thematic break', 'Text\n\n---\n\nMore text.', ['Text', 'More text.']),
  c('setext heading', 'Title\n=====\nBody.', ['Title', 'Body.']),
  c('escaped symbols', 'Escaped \\*stars\\* stay quiet. Ok.', ['Escaped stars stay quiet.', 'Ok.']),
  c('emoji and spacing', 'Great job 🎉! Thanks 👍🏽.', ['Great job!', 'Thanks.']),
  c('ZWJ family and flag', 'Family 👨‍👩‍👧‍👦 trip to 🇯🇵 Japan. Fun.', ['Family trip to Japan.', 'Fun.']),
  c('emoji only', '🎉🎉🎉 ✨', []),
  c('keycap keeps its digit', 'Keycap 1️⃣ first. Done.', ['Keycap 1 first.', 'Done.']),
  c('emoji bullet', '- ✅ Tests pass\n- ❌ Lint fails', ['Tests pass', 'Lint fails'])
]

/** Issue 15: list items written inline, spaced ellipses, abbreviations of four languages, markdown gaps. */
export const LISTENER_CASES: Case[] = [
  c('inline list 1.)', '1.) The first item 2.) The second item', ['The first item', 'The second item']),
  c('inline list 1) with periods', '1) The first item. 2) The second item.', ['The first item.', 'The second item.']),
  c('inline list 1.', '1. Buy milk 2. Call Bob 3. Sleep', ['Buy milk', 'Call Bob', 'Sleep']),
  c('inline list a.', 'a. The first item b. The second item', ['The first item', 'The second item']),
  c('inline list with bullet glyphs', '• 9. The first item • 10. The second item', [
    'The first item',
    'The second item'
  ]),
  c('inline list with hyphen bullets', '⁃9. Nine ⁃10. Ten', ['Nine', 'Ten']),
  c('only the next number opens an item', '1. Costs 3. Then 2. Next', ['Costs 3.', 'Then', 'Next']),
  c('a number in prose is no item', 'Done. 2. Then more.', ['Done.', '2. Then more.']),
  c('inline bullet glyphs', '• apples • pears • plums', ['apples', 'pears', 'plums']),
  c('bullet glyph lines', '• apples\n• pears, ripe\n• plums', ['apples', 'pears, ripe', 'plums']),
  c('spaced ellipsis mid-sentence', 'It was . . . fine, I guess . . . I think.', [
    'It was . . . fine, I guess . . . I think.'
  ]),
  c('four spaced dots end a sentence', 'He left . . . . Then rain.', ['He left . . . .', 'Then rain.']),
  c('period then spaced ellipsis', 'It ended. . . . The rest faded. . . .', [
    'It ended.',
    '. . . The rest faded. . . .'
  ]),
  c('editorial omission', 'He said [...] it works (p. 5). Next.', ['He said [...] it works (p. 5).', 'Next.']),
  c('N°. before a number', 'Find N°. 12 here. Go.', ['Find N°. 12 here.', 'Go.']),
  c('pronoun I ends a sentence', 'It was you and I. Did you know?', ['It was you and I.', 'Did you know?']),
  c('initial I before a name', 'Meet Albert I. Jones today. Go.', ['Meet Albert I. Jones today.', 'Go.']),
  c('a.m. before a title opening the sentence', 'At 5 a.m. Mr. Smith left. He ran.', [
    'At 5 a.m. Mr. Smith left.',
    'He ran.'
  ]),
  c('P.M. ends a sentence before a title', 'He left at 6 P.M. Mr. Smith stayed.', [
    'He left at 6 P.M.',
    'Mr. Smith stayed.'
  ]),
  c('German z. B.', 'Das ist z. B. gut. Ja.', ['Das ist z. B. gut.', 'Ja.']),
  c('German z. B. before a noun', 'Tiere, z. B. Katzen, schlafen. Ja.', ['Tiere, z. B. Katzen, schlafen.', 'Ja.']),
  c('German S. before a page number', 'Siehe S. 5 dazu. Gut.', ['Siehe S. 5 dazu.', 'Gut.']),
  c('French M. and Mme', 'M. Dupont et Mme Curie sont là. Oui.', ['M. Dupont et Mme Curie sont là.', 'Oui.']),
  c('French p. ex.', 'Des villes, p. ex. Paris, sont grandes. Oui.', [
    'Des villes, p. ex. Paris, sont grandes.',
    'Oui.'
  ]),
  c('Spanish p. ej. and Sr.', 'Ciudades, p. ej. Madrid, y el Sr. López. Bien.', [
    'Ciudades, p. ej. Madrid, y el Sr. López.',
    'Bien.'
  ]),
  c('strikethrough is silent', 'It was ~~$20~~ $15 today. Yes.', ['It was $15 today.', 'Yes.']),
  c('unclosed strikethrough is spoken', 'It is ~~ fine. Yes.', ['It is fine.', 'Yes.']),
  c('table without outer pipes after prose', 'Here:\n\nName | Age\n--- | ---\nBob | 5\n\nDone.', ['Here:', 'Done.']),
  c('a pipe in prose is spoken', 'Use a | b here\nand more. Ok.', ['Use a b here and more.', 'Ok.']),
  c('indented code is silent', 'Run this:\n\n    npm run build. Now.\n\nDone.', ['Run this:', 'Done.']),
  c('indented continuation of a list item is spoken', '1. Step one\n\n   More about it.\n2. Step two', [
    'Step one',
    'More about it.',
    'Step two'
  ]),
  c('indented lazy line is spoken', 'A paragraph\n    goes on. Yes.', ['A paragraph goes on.', 'Yes.']),
  c('think block mid-line', 'Sure.<think>Secret. Plan.</think> Here it is.', ['Sure.', 'Here it is.']),
  c('HTML comment mid-line', 'Hi <!-- note. --> there. Ok.', ['Hi there.', 'Ok.']),
  c('think tag in inline code is text', 'Use `<think>` tags. Ok.', ['Use <think> tags.', 'Ok.']),
  c('comment opener in a fence stays in the fence', '```html\n<!-- x\n```\nAfter.', ['After.']),
  c('bold-only line is a heading', '**Step 1: Install**\nRun the installer. Done.', [
    'Step 1: Install',
    'Run the installer.',
    'Done.'
  ]),
  c('bold start of a sentence is not a heading', '**Note** that it\nworks. Yes.', ['Note that it works.', 'Yes.'])
]

export const ALL_CASES: Case[] = [...BOUNDARY_CASES, ...MARKDOWN_CASES, ...LISTENER_CASES]
