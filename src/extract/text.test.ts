import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cleanText } from './text.js'

const PARA = 'Iran’s Deputy Foreign Minister held discussions with Hamas representatives in Moscow, as reported by Tass on Friday.'

function reasons(lines: string[]) {
  const r = cleanText([PARA, ...lines].join('\n'))
  return { kept: r.text.split('\n'), removed: r.removed.map((x) => [x.reason, x.text]) }
}

test('furniture lines go with their reason, the article paragraph stays', () => {
  const lines = [
    'The Calcutta High Court upheld an earlier order permitting a demonstration by a…',
    'Read more: Russia hosts Hamas delegation',
    'Sign up for our daily newsletter to get the news in your inbox',
    'Share this article',
    'We use cookies to improve your experience. Accept all cookies',
    'Photo: Reuters/Maxim Shemetov',
    'By Jane Smith and Ahmed Ali',
    'Published: 27 October 2023 10:42',
    'Reporting by Guy Faulconbridge; Editing by Mark Heinrich',
    'Advertisement',
  ]
  const r = reasons(lines)
  assert.deepEqual(r.kept, [PARA])
  assert.deepEqual(r.removed.map((x) => x[0]), ['teaser', 'read-more', 'newsletter', 'share', 'cookie', 'photo-credit', 'byline', 'dateline', 'byline', 'advert'])
})

test('real paragraphs that look a little like furniture stay', () => {
  const lines = [
    '“We will not give up…” he said, before leaving the hall.',
    '“We will keep fighting until…',
    'By the end of the week, the talks had collapsed and both delegations had gone home.',
    'Officials said they would subscribe to the agreement once the newsletter of the ministry published the final text, which is expected in the coming days after a long review.',
    'He said the talks were frank. ...',
    'Some people share the view that Russia is a mediator.',
    'The newsletter of the ministry said the talks went well.',
    'I know our president ...',
    'They said the president…',
  ]
  assert.deepEqual(reasons(lines).kept, [PARA, ...lines])
})

test('a whole article on one line ending in an ellipsis is never a teaser', () => {
  const long = (PARA + ' ').repeat(5) + 'and the talks went on until late in the evening without…'
  assert.equal(cleanText(long).text, long)
})

test('a dateline opening the first paragraph is cut; the paragraph stays', () => {
  for (const [line, prefix] of [
    ['MOSCOW — Russia hosted a Hamas delegation on Thursday.', 'MOSCOW —'],
    ['ISLAMABAD/PENTAGON — A United States military plane crashed.', 'ISLAMABAD/PENTAGON —'],
    ['MARANCHON, SPAIN — The air was bone chilling.', 'MARANCHON, SPAIN —'],
    ['GAZA CITY (Reuters) - Israeli strikes hit the city.', 'GAZA CITY (Reuters) -'],
  ]) {
    const r = cleanText(line)
    assert.deepEqual(r.removed, [{ text: prefix, reason: 'dateline' }])
    assert.equal(r.text, line.slice(line.indexOf(prefix) + prefix.length).trim())
  }
  for (const line of ['U.S. officials — and their allies — met on Friday.', 'NATO said the drills were routine.', 'Iran — a key ally — objected.']) {
    assert.deepEqual(cleanText(line), { text: line, removed: [] })
  }
})

test('VOA corpus: nothing but dateline prefixes is removed, and no prose sentence is taken for furniture', async () => {
  const { readFileSync } = await import('node:fs')
  const { fromRoot } = await import('../core/paths.js')
  const records = readFileSync(fromRoot('data', 'sample', 'voa_stories.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  let removedChars = 0
  let totalChars = 0
  let sentenceRemovals: string[] = []
  for (const r of records) {
    totalChars += r.text.length
    for (const x of cleanText(r.text).removed) {
      assert.equal(x.reason, 'dateline', x.text)
      assert.ok(x.text.length < 40 && !/\p{Ll}/u.test(x.text), x.text)
      removedChars += x.text.length
    }
    // The strictest case: every sentence on a line of its own, as a scraper might deliver it.
    const lines = r.text.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u)
    sentenceRemovals = sentenceRemovals.concat(cleanText(lines.join('\n')).removed.filter((x) => x.reason !== 'dateline').map((x) => x.text))
  }
  assert.ok(removedChars / totalChars < 0.001)
  // VOA's own "WATCH: <video title>" lead-ins are furniture; no other sentence may go.
  for (const t of sentenceRemovals) assert.match(t, /^WATCH:/, t)
})
