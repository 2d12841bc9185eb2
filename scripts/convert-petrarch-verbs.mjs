#!/usr/bin/env node
// Dev-time converter: PETRARCH2's CAMEO.2.0.txt verb dictionary + PLOVER's CAMEO2PLOVER-2021.txt
// -> dictionaries/verbs/cameo-2.0.json (the project's own format, every entry keeping its source line).
// Never run at run time; the output is committed. Usage:
//   node scripts/convert-petrarch-verbs.mjs [CAMEO.2.0.txt] [CAMEO2PLOVER-2021.txt] [out.json]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

const [verbsPath = '/work/shared/data/petrarch2-dictionaries/CAMEO.2.0.txt',
  ploverPath = '/work/shared/data/plover/CAMEO2PLOVER-2021.txt',
  outPath = 'dictionaries/verbs/cameo-2.0.json',
  discardsPath = '/work/shared/data/petrarch2-dictionaries/Phoenix.discards.txt',
  discardsOut = 'dictionaries/verbs/discards.json'] = process.argv.slice(2)

const VERB_FILE = 'openeventdata/petrarch2@676801c petrarch2/data/dictionaries/CAMEO.2.0.txt'
const PLOVER_FILE = 'openeventdata/PLOVER@5e0c24f CAMEO2PLOVER-2021.txt'

/** Dictionary words are upper case with '_' joining multi-word items; a trailing '_' means "this exact form". */
function word(w) {
  const exact = w.endsWith('_') && w.length > 1
  const base = (exact ? w.slice(0, -1) : w).toLowerCase().replace(/_/g, ' ').trim()
  return exact ? { w: base, exact: true } : { w: base }
}

function stripComment(line) {
  const i = line.indexOf('#')
  return (i >= 0 ? line.slice(0, i) : line).trim()
}

function parseCode(s) {
  // [042:043] -> primary 042 (source acts on target), reverse 043; [---] -> no event.
  const m = /\[([^\]]*)\]/.exec(s)
  if (!m) return undefined
  const [a, b] = m[1].trim().split(':')
  const clean = (c) => (c === undefined || c === '' || /^-+$/.test(c) ? null : c.trim())
  return { code: clean(a), reverse: clean(b) }
}

/** Pattern text between '-' and '[': words, {compound words}, (PREP words), &SYNSET, $ (source), + (target), ^ (skip). */
function parsePatternSide(text) {
  const items = []
  let i = 0
  const toks = text.match(/\(|\)|\{|\}|[^\s(){}]+/g) ?? []
  let inPP = null
  let inCompound = null
  for (i = 0; i < toks.length; i++) {
    const t = toks[i]
    if (t === '(') { inPP = { kind: 'pp', prep: null, words: [] }; continue }
    if (t === ')') { if (inPP) items.push(inPP); inPP = null; continue }
    if (t === '{') { inCompound = []; continue }
    if (t === '}') {
      const c = { kind: 'compound', words: inCompound ?? [] }
      if (inPP) inPP.words.push(c); else items.push(c)
      inCompound = null
      continue
    }
    let item
    if (t === '$') item = { kind: 'source' }
    else if (t === '+') item = { kind: 'target' }
    else if (t === '^' || t === '%') item = { kind: 'skip' }
    else if (t.startsWith('&')) item = { kind: 'synset', name: t.slice(1).replace(/_$/, '') }
    else item = { kind: 'word', ...word(t) }
    if (inCompound) { inCompound.push(item); continue }
    if (inPP) {
      if (inPP.prep === null && item.kind === 'word') inPP.prep = item.w.split('/')
      else inPP.words.push(item)
      continue
    }
    items.push(item)
  }
  return items
}

function convertVerbs(text) {
  const lines = text.split(/\r?\n/)
  const synsets = {}
  const blocks = []
  const transformations = []
  let section = 'head'
  let synset = null
  let block = null
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]
    const lineNo = n + 1
    if (/^#+\s*SYNONYM SETS/.test(raw)) { section = 'synsets'; continue }
    if (/^#+\s*VERB PATTERNS/.test(raw)) { section = 'verbs'; continue }
    if (/^#+\s*TRANSFORMATIONS/.test(raw)) { section = 'transformations'; continue }
    const line = stripComment(raw)
    if (line === '') continue
    if (section === 'synsets') {
      if (line.startsWith('&')) { synset = line.slice(1).replace(/_$/, ''); synsets[synset] = []; continue }
      if (line.startsWith('+') && synset) synsets[synset].push({ ...word(line.slice(1).trim()), line: lineNo })
      continue
    }
    if (section === 'verbs') {
      const head = /^---\s+(\S+)\s+(\[[^\]]*\])\s*-*\s*---/.exec(line)
      if (head) {
        block = { id: head[1], line: lineNo, ...parseCode(head[2]), verbs: [], patterns: [] }
        blocks.push(block)
        continue
      }
      if (!block) continue
      if (line.startsWith('-')) {
        const code = parseCode(line)
        if (!code) continue
        const body = line.slice(1, line.indexOf('[')).trim()
        const star = body.indexOf('*')
        if (star < 0) continue
        const comment = raw.includes('#') ? raw.slice(raw.indexOf('#') + 1).trim() : null
        block.patterns.push({
          pre: parsePatternSide(body.slice(0, star)),
          post: parsePatternSide(body.slice(star + 1)),
          ...code,
          line: lineNo,
          found_under: comment,
        })
        continue
      }
      // A verb line: WORD {FORMS} [code], or +MULTI_WORD {+FORMS} for phrasal verbs.
      const m = /^(\+?)([^\s{[]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line)
      if (!m) continue
      const phrasal = m[1] === '+'
      const base = word(m[2])
      const forms = (m[3] ?? '').replace(/[{}]/g, '').trim().split(/\s+/).filter(Boolean).map((f) => word(f.replace(/^\+/, '')).w)
      const entry = { words: base.w.split(' '), forms, phrasal, line: lineNo }
      if (m[4]) Object.assign(entry, parseCode(m[4]))
      block.verbs.push(entry)
      continue
    }
    if (section === 'transformations' && line.startsWith('~')) transformations.push({ rule: line.slice(1).trim(), line: lineNo })
  }
  return { synsets, blocks, transformations }
}

function convertPlover(text) {
  const map = {}
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = raw.replace(/#.*/, '').trim()
    const m = /^(\d+):\s*([A-Z]+)\s*(?:,([^,]*))?(?:,(.*))?$/.exec(line)
    if (!m) return
    const [, code, type, mode, context] = m
    // The table lists a few codes twice (175); the first row wins, as PLOVER's own converter reads it.
    if (map[code]) return
    map[code] = {
      type,
      mode: (mode ?? '').trim() || null,
      context: (context ?? '').split(';').map((c) => c.trim()).filter(Boolean),
      line: n + 1,
    }
  })
  return map
}

const verbs = convertVerbs(readFileSync(verbsPath, 'utf8'))
const plover = convertPlover(readFileSync(ploverPath, 'utf8'))
const out = {
  format: 'newsgraph-verbs/1',
  provenance: {
    verbs: { file: VERB_FILE, license: 'MIT, Copyright (c) 2015 Open Event Data Alliance' },
    plover: { file: PLOVER_FILE, license: 'CC BY-SA 4.0, Philip Schrodt / Open Event Data Alliance' },
    converter: 'scripts/convert-petrarch-verbs.mjs',
    note: 'Every synset member, verb, pattern and PLOVER row keeps `line`, its line number in the source file.',
  },
  ...verbs,
  plover,
}
mkdirSync(dirname(outPath), { recursive: true })
writeFileSync(outPath, JSON.stringify(out, null, 0).replace(/\},\{"id"/g, '},\n{"id"') + '\n')
const nPatterns = verbs.blocks.reduce((s, b) => s + b.patterns.length, 0)
const nVerbs = verbs.blocks.reduce((s, b) => s + b.verbs.length, 0)
console.log(`${outPath}: ${Object.keys(verbs.synsets).length} synsets, ${verbs.blocks.length} blocks, ${nVerbs} verbs, ${nPatterns} patterns, ${verbs.transformations.length} transformations, ${Object.keys(plover).length} PLOVER rows`)

// Discards: '+' phrases drop the whole story (sports, entertainment), the others drop one sentence.
// The bare years 1914-2013 are left out on purpose: PETRARCH used them to skip historical
// sentences, but in current news "since 1995" is ordinary background inside a real event sentence.
const story = []
const sentence = []
readFileSync(discardsPath, 'utf8').split(/\r?\n/).forEach((raw, n) => {
  const line = stripComment(raw)
  if (!line || /^\d{4}$/.test(line)) return
  // Relative-time phrases ("weeks ago", "years later") go the same way as the bare years: in
  // current news they date background inside real event sentences.
  if (/^(\w+\s+)?(days|weeks|months|years)\s+(ago|later)\s*$/i.test(line)) return
  const isStory = line.startsWith('+')
  const body = (isStory ? line.slice(1) : line).trim()
  const exact = body.endsWith('_')
  const phrase = (exact ? body.slice(0, -1) : body).toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ').trim()
  if (!phrase) return
  ;(isStory ? story : sentence).push({ phrase, ...(exact ? { exact: true } : {}), line: n + 1 })
})
writeFileSync(discardsOut, JSON.stringify({
  format: 'newsgraph-discards/1',
  provenance: { file: 'openeventdata/petrarch2@676801c petrarch2/data/dictionaries/Phoenix.discards.txt', license: 'MIT, Copyright (c) 2014 Open Event Data', converter: 'scripts/convert-petrarch-verbs.mjs', note: 'bare years 1914-2013 and relative-time phrases (weeks ago, years later) omitted (see converter)' },
  story, sentence,
}, null, 0).replace(/\},\{/g, '},\n{') + '\n')
console.log(`${discardsOut}: ${story.length} story-level, ${sentence.length} sentence-level discards`)
