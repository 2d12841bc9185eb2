import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createPipeline, newDoc } from '../../core/pipeline.js'
import type { Mention } from '../../core/types.js'
import { createSegmenter } from '../segmenter/segmenter.js'
import { createActorStage, type ActorStageOptions } from './actors.js'

const segmenter = createSegmenter()
const plain = createPipeline([segmenter, createActorStage()])

function mentions(text: string, published: string | null = '2023-10-27', run = plain): Mention[] {
  return run(newDoc({ id: 't', text, published })).mentions
}
function withOptions(opts: ActorStageOptions) {
  return createPipeline([segmenter, createActorStage(opts)])
}
function find(ms: Mention[], text: string): Mention {
  const m = ms.find((x) => x.text === text)
  assert.ok(m, `no mention "${text}" in ${JSON.stringify(ms.map((x) => x.text))}`)
  return m
}

test('offsets point into the text', () => {
  const text = 'Iran’s Deputy Foreign Minister met Hamas representatives in Moscow.'
  for (const m of mentions(text)) assert.equal(text.slice(m.start, m.end), m.text)
})

test('a title before a name in apposition gives the name country and sector', () => {
  const ms = mentions('Iran’s deputy foreign minister for political affairs, Ali Bagheri Kani, stated that Tehran wants a truce.')
  const kani = find(ms, 'Ali Bagheri Kani')
  assert.deepEqual([kani.name, kani.type, kani.country, kani.sector, kani.code], ['Ali Bagheri Kani', 'person', 'IRN', 'GOV', 'IRNGOV'])
})

test('an apposition after a name gives it country and sector', () => {
  const ms = mentions('Kani also met Mikhail Bogdanov, the deputy foreign minister of Russia, on Thursday.')
  const b = find(ms, 'Mikhail Bogdanov')
  assert.deepEqual([b.type, b.country, b.sector], ['person', 'RUS', 'GOV'])
  // the country only says whose minister he is: it does not act
  assert.ok(!ms.some((m) => m.text === 'Russia' && m.acts))
  const peskov = find(mentions('Dmitry Peskov, a spokesperson for President Vladimir Putin, said so.'), 'Dmitry Peskov')
  assert.deepEqual([peskov.country, peskov.sector], ['RUS', 'GOV'])
})

test('later surnames and earlier titles resolve to the full name', () => {
  const ms = mentions('Iran’s Deputy Foreign Minister held talks in Moscow. Iran’s deputy foreign minister, Ali Bagheri Kani, said more. Kani also met Mikhail Bogdanov, the deputy foreign minister of Russia. Bogdanov left.')
  const kani = find(ms, 'Kani')
  assert.deepEqual([kani.name, kani.country, kani.sector, kani.origin], ['Ali Bagheri Kani', 'IRN', 'GOV', 'coref:surname'])
  const bog = find(ms, 'Bogdanov')
  assert.deepEqual([bog.name, bog.country, bog.sector], ['Mikhail Bogdanov', 'RUS', 'GOV'])
  const title = find(ms, 'Iran’s Deputy Foreign Minister')
  assert.equal(title.name, 'Ali Bagheri Kani')
})

test('a lone capitalized word that is nobody\'s surname is not made a person', () => {
  const ms = mentions('Shahed drones were seen. Smith went home.')
  assert.ok(!ms.some((m) => m.type === 'person'))
})

test('capitals acting are their governments; "in Moscow" stays a place with coordinates', () => {
  const ms = mentions('Moscow thought it was important. Officials met in Moscow. Tehran’s priority is a truce. Israel supports Kyiv.')
  const [acting, place] = ms.filter((m) => m.text === 'Moscow')
  assert.deepEqual([acting.name, acting.country, acting.sector, acting.code, acting.acts], ['Russia', 'RUS', 'GOV', 'RUSGOV', true])
  assert.deepEqual([place.type, place.acts, place.role, place.place?.name, place.place?.country], ['place', false, 'place', 'Moscow', 'RUS'])
  assert.ok(Math.abs(place.place!.lat! - 55.75) < 0.1 && Math.abs(place.place!.lon! - 37.62) < 0.1)
  assert.equal(find(ms, 'Tehran').code, 'IRNGOV')
  assert.equal(find(ms, 'Kyiv').code, 'UKRGOV')
  const kremlin = find(mentions('In response, the Kremlin stated that the White House was wrong.'), 'Kremlin')
  assert.deepEqual([kremlin.type, kremlin.code], ['organization', 'RUSGOV'])
  assert.equal(find(mentions('In response, the Kremlin stated that the White House was wrong.'), 'White House').code, 'USAGOV')
})

test('countries act, but "in Ukraine" is a place', () => {
  const ms = mentions('Russia is at war in Ukraine.')
  assert.deepEqual([find(ms, 'Russia').type, find(ms, 'Russia').acts], ['country', true])
  assert.deepEqual([find(ms, 'Ukraine').type, find(ms, 'Ukraine').acts, find(ms, 'Ukraine').country], ['place', false, 'UKR'])
})

test('demonyms give the country: an adjective with a title, a plural as a group', () => {
  const ms = mentions('The Israeli Foreign Ministry objected. Many Israelis were incensed. The Russian military used drones.')
  const fm = find(ms, 'Israeli Foreign Ministry')
  assert.deepEqual([fm.type, fm.name, fm.country, fm.sector], ['organization', 'Israeli Foreign Ministry', 'ISR', 'GOV'])
  const isr = find(ms, 'Israelis')
  assert.deepEqual([isr.type, isr.country], ['group', 'ISR'])
  assert.deepEqual([find(ms, 'Russian military').country, find(ms, 'Russian military').sector], ['RUS', 'MIL'])
})

test('"us" is never the United States, "US" is', () => {
  assert.ok(!mentions('No one could suspect us of playing up to one party.').some((m) => m.country === 'USA'))
  assert.equal(find(mentions('The US said no.'), 'US').country, 'USA')
})

test('media outlets are organizations with role media that never act', () => {
  const ms = mentions('Talks were held, as reported by the Russian state news agency Tass on Friday, according to Reuters.')
  const tass = ms.find((m) => m.name === 'Tass')!
  assert.deepEqual([tass.type, tass.sector, tass.role, tass.acts, tass.country], ['organization', 'MED', 'media', false, 'RUS'])
  const reuters = find(ms, 'Reuters')
  assert.deepEqual([reuters.role, reuters.acts], ['media', false])
  assert.ok(!ms.some((m) => m.acts && m.sector === 'MED'))
})

test('Hamas is an organization of Palestine', () => {
  const h = find(mentions('Hamas was left out of the resolution.'), 'Hamas')
  assert.deepEqual([h.type, h.country], ['organization', 'PSE'])
})

test('"the council" after the UN Security Council is that council', () => {
  const ms = mentions('Hamas was left out of a UN Security Council resolution. The council gave it the cold shoulder.')
  const c = find(ms, 'council')
  assert.equal(c.name, 'UN Security Council')
})

test('dated roles follow the published date', () => {
  const now = find(mentions('Putin spoke.', '2023-10-27'), 'Putin')
  assert.equal(now.code, 'RUSGOV')
  const before = find(mentions('Putin spoke.', '1995-06-01'), 'Putin')
  assert.equal(before.code, 'RUSELI')
})

test('places: regions and cities carry country and coordinates', () => {
  const ms = mentions('The crisis in the Middle East spread to the Gaza Strip and to Gaza.')
  assert.equal(find(ms, 'Middle East').type, 'place')
  assert.equal(find(ms, 'Gaza Strip').country, 'PSE')
  const gaza = find(ms, 'Gaza')
  assert.equal(gaza.place?.country, 'PSE')
  assert.ok(gaza.place?.lat !== null)
})

test('known actors from earlier articles resolve a bare surname; user dictionaries win', () => {
  const known = withOptions({ knownActors: [{ name: 'Ali Bagheri Kani', country: 'IRN', sector: 'GOV', code: 'IRNGOV', type: 'person' }] })
  const kani = find(mentions('Kani said the talks went well.', '2023-11-01', known), 'Kani')
  const tassKnown = withOptions({ knownActors: [{ name: 'Tass', country: 'RUS', sector: 'MED', code: 'RUSMED', type: 'organization' }] })
  const tass = find(mentions('Tass reported the talks.', '2023-11-01', tassKnown), 'Tass')
  assert.deepEqual([tass.role, tass.acts], ['media', false])
  assert.deepEqual([kani.name, kani.code], ['Ali Bagheri Kani', 'IRNGOV'])
  const dir = mkdtempSync(join(tmpdir(), 'ng-actors-'))
  try {
    writeFileSync(join(dir, 'actors.jsonl'), '{"name": "Hamas", "type": "organization", "code": "PSEGOV"}\n')
    const user = withOptions({ dictionaries: dir })
    assert.equal(find(mentions('Hamas said no.', '2023-11-01', user), 'Hamas').code, 'PSEGOV')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('title words split names and give sectors; a title with an "of" tail names its holder', () => {
  const ms = mentions('U.S. Air Force Chief of Staff, General Dave Goldfein said so. He met French Minister of Armed Forces Florence Parly.', '2020-01-27')
  const g = find(ms, 'Dave Goldfein')
  assert.deepEqual([g.type, g.country, g.sector], ['person', 'USA', 'MIL'])
  const p = find(ms, 'Florence Parly')
  assert.deepEqual([p.type, p.country, p.sector], ['person', 'FRA', 'GOV'])
  assert.ok(!ms.some((m) => m.text === 'Florence'), 'a city that a name goes on from is a given name')
  const z = mentions('Zamfara State Governor Bello Matawalle spoke.', '2021-03-02')
  assert.equal(find(z, 'Bello Matawalle').type, 'person')
})

test('a province listed under its country is a place in it, not a demonym', () => {
  const gh = find(mentions('Reports came from locals in Ghazni province.'), 'Ghazni')
  assert.deepEqual([gh.type, gh.country, gh.acts], ['place', 'AFG', false])
})

test('unknown proper-noun pairs are people only with a known given name, speech, or a recurring surname', () => {
  assert.ok(!mentions('The report by Control Risks was read.').some((m) => m.type === 'person'))
  assert.equal(find(mentions('Beverly Ochieng said the risk was growing.'), 'Beverly Ochieng').type, 'person')
  const ms = mentions('Jian Badrakhan wrote a report. Badrakhan is an analyst.')
  assert.equal(find(ms, 'Badrakhan').name, 'Jian Badrakhan')
})

test('a given name alone refers to the one person of the article who has it', () => {
  const ms = mentions('Masih Alinejad said she was afraid. The gunman said he knew her as Masih.')
  assert.equal(ms.filter((m) => m.text === 'Masih').at(-1)?.name, 'Masih Alinejad')
})

test('a nation\'s or capital\'s named newspaper is a media organization', () => {
  const ms = mentions('The Phnom Penh Post and The Cambodia Daily closed.')
  const post = find(ms, 'The Phnom Penh Post')
  assert.deepEqual([post.type, post.country, post.sector, post.role, post.acts], ['organization', 'KHM', 'MED', 'media', false])
  assert.equal(find(ms, 'The Cambodia Daily').role, 'media')
})

test('places listed under a country in the dictionary are places, not the country', () => {
  const ny = find(mentions('New York and Ontario are far apart. America said no.'), 'New York')
  assert.deepEqual([ny.type, ny.country, ny.acts], ['place', 'USA', false])
  const am = find(mentions('America said no.'), 'America')
  assert.deepEqual([am.type, am.country, am.acts], ['country', 'USA', true])
})

test('organization names run on through of/for/and; a mistagged capitalized word still joins a name', () => {
  const ms = mentions('The Cambodian League for the Promotion and Defense of Human Rights said so. Researchers at the Hoover Institution agreed.')
  const league = find(ms, 'Cambodian League for the Promotion and Defense of Human Rights')
  assert.deepEqual([league.type, league.country], ['organization', 'KHM'])
  assert.equal(find(ms, 'Hoover Institution').type, 'organization')
})

test('"Washington" acting is the US government; a treaty is no actor; no title across a determiner', () => {
  const ms = mentions('Washington designated the BLA a terrorist group. The Dayton Accords ended the war. Talks in Washington ended.', '2025-03-01')
  const [acting, place] = ms.filter((m) => m.text === 'Washington')
  assert.deepEqual([acting.code, acting.acts], ['USAGOV', true])
  assert.deepEqual([place.type, place.acts], ['place', false])
  assert.ok(!ms.some((m) => m.text.includes('Accords')))
  assert.ok(!ms.some((m) => m.text.includes('terrorist')))
})

test('an envoy\'s host country between title and name; a capitalized agent word opening an organization name', () => {
  const ms = mentions("Somalia's ambassador to Kenya, Mohamud Ahmed Nur, accuses Kenya. Kenya had given the U.N. Refugee Agency two weeks.", '2021-03-30')
  const nur = find(ms, 'Mohamud Ahmed Nur')
  assert.deepEqual([nur.type, nur.country, nur.sector], ['person', 'SOM', 'GOV'])
  const unhcr = find(ms, 'U.N. Refugee Agency')
  assert.deepEqual([unhcr.type, unhcr.code], ['organization', 'IGOUNO'])
})

test('demonyms of several words give their country; headings in capitals are not names', () => {
  const ms = mentions('South African officials and North Korean troops met. THE POWERFUL STATE was named.')
  assert.equal(find(ms, 'South African officials').country, 'ZAF')
  assert.equal(find(ms, 'North Korean troops').code, 'PRKMIL')
  assert.ok(!ms.some((m) => m.text.includes('POWERFUL')))
})

test('a title with a bare surname finds the one dictionary person holding that office; "former" makes an ex-leader', () => {
  const k = find(mentions('Rebels said President Kagame must agree to changes.', '2005-06-01'), 'Kagame')
  assert.deepEqual([k.name, k.country, k.sector], ['Paul Kagame', 'RWA', 'GOV'])
  const m = find(mentions('A judge ordered former president Carlos Menem to appear.', '2001-06-01'), 'Carlos Menem')
  assert.deepEqual([m.country, m.sector], ['ARG', 'ELI'])
  // a surname with no title is not enough to name anybody
  assert.ok(!mentions('Kagame went home.', '2005-06-01').some((x) => x.country === 'RWA'))
})

test('given name and surname find the dictionary person despite a different middle ("Omar El Bashir")', () => {
  const b = find(mentions('Officials said Omar El Bashir shortened the curfew.', '2001-06-01'), 'Omar El Bashir')
  assert.deepEqual([b.country, b.name], ['SDN', 'Omar Hassan Ahmad al Bashir'])
})

test('an abbreviated rank of several words ("Lt. Gen.") is one title, not an actor', () => {
  const ms = mentions('Lt. Gen. Joseph Tamba resigned yesterday.')
  assert.ok(!ms.some((x) => x.text === 'Lt.' || x.text === 'Gen.'), JSON.stringify(ms.map((x) => x.text)))
  assert.equal(find(ms, 'Joseph Tamba').sector, 'MIL')
})

test('a leader\'s administration or government is his country\'s government', () => {
  const b = find(mentions('Officials said the Clinton administration declared it.', '1996-06-01'), 'Clinton administration')
  assert.deepEqual([b.country, b.sector], ['USA', 'GOV'])
  const g = find(mentions('Students demanded freedom from President Bouteflika\'s government.', '2001-06-01'), 'government')
  assert.deepEqual([g.country, g.sector], ['DZA', 'GOV'])
})

test('a group "in" a country is of that country, but troops in a country need not be', () => {
  const o = find(mentions('Opposition groups in Zimbabwe are demanding reforms.'), 'Opposition groups')
  assert.deepEqual([o.country, o.sector], ['ZWE', 'OPP'])
  const t = mentions('Soldiers in Iraq were attacked.').find((m) => m.text === 'Soldiers')
  assert.ok(!t || t.country === null)
})

test('international organizations the 2014 files lack: European Community, APEC', () => {
  for (const [text, name] of [['European Community ministers met.', 'European Community'], ['The Asia-Pacific Economic Cooperation forum agreed.', 'Asia-Pacific Economic Cooperation']]) {
    const m = mentions(text).find((x) => x.text.startsWith(name))
    assert.ok(m, text)
    assert.equal(m.sector, 'IGO')
  }
})

test('a country used as a place gets its capital as a map point; a historic code its successor\'s', () => {
  const z = find(mentions('Fighting went on in Zimbabwe.'), 'Zimbabwe')
  assert.equal(z.type, 'place')
  assert.ok(z.place && z.place.lat !== null && Math.abs(z.place.lat - -17.8) < 1 && Math.abs(z.place.lon! - 31) < 1, JSON.stringify(z.place))
  const s = find(mentions('Serbian military police launched an investigation.', '2000-01-01'), 'Serbian military police')
  assert.ok(s.country !== null, 'a demonym of a historic state still gives its country')
})

test('a republic inside a union code is itself when named; Serb/Croat and their plurals are demonyms; "the capital Juba" is a place', () => {
  const m = find(mentions("Montenegro's prime minister will resign.", '2000-01-01'), "Montenegro's prime minister")
  assert.equal(m.country, 'MNE')
  const ms = mentions('Serb forces attacked. Croats protested.', '2000-01-01')
  assert.equal(find(ms, 'Serb forces').sector, 'MIL')
  assert.ok(['SRB', 'SCG'].includes(find(ms, 'Serb forces').country!))
  assert.deepEqual([find(ms, 'Croats').type, find(ms, 'Croats').country], ['group', 'HRV'])
  const j = find(mentions('Rebels shelled the regional capital Juba on Sunday.'), 'Juba')
  assert.equal(j.type, 'place')
})

test('a title before a dictionary person fills the sector his dated roles leave open; "former" makes him ELI', () => {
  const a = find(mentions('Vice President Moody Awori has declined to resign.', '2000-01-01'), 'Moody Awori')
  assert.deepEqual([a.country, a.sector], ['KEN', 'GOV'])
  const m = find(mentions('Former President Robert Mugabe spoke.', '2010-01-01'), 'Robert Mugabe')
  assert.deepEqual([m.country, m.sector], ['ZWE', 'ELI'])
})

test('after a title, a surname one letter off the dictionary spelling still finds the person; without a title it does not', () => {
  const g = find(mentions('Rebels dismissed an appeal from President Laurent Gbago.', '2003-01-01'), 'Laurent Gbago')
  assert.equal(g.country, 'CIV')
  assert.ok(!mentions('Laurent Gbago went home.', '2003-01-01').some((m) => m.country === 'CIV'))
})

test('"the government of Sudan" is Sudan\'s government', () => {
  const g = find(mentions('The government of Sudan said it would talk.'), 'government')
  assert.deepEqual([g.country, g.sector], ['SDN', 'GOV'])
})

test('a newspaper is an organization, though it ends like a person noun', () => {
  const n = find(mentions('A Lebanese newspaper reported the attack.'), 'Lebanese newspaper')
  assert.deepEqual([n.type, n.country], ['organization', 'LBN'])
})
