import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CaseRule, caseOk, caseRuleOf, phraseTokens } from './phrase.js'
import { mayFollow, TokenTrie, tokenCode } from './trie.js'

test('phrases split like wink splits text: hyphens, possessives and parentheses are tokens', () => {
  assert.deepEqual(phraseTokens('MAZAR-I-SHARIF'), ['mazar', '-', 'i', '-', 'sharif'])
  assert.deepEqual(phraseTokens('Iran’s Foreign Ministry'), ['iran', "'s", 'foreign', 'ministry'])
  assert.deepEqual(phraseTokens('ISLAMIC_ARMY_(AAIA)'), ['islamic', 'army', '(', 'aaia', ')'])
  assert.deepEqual(phraseTokens('U.N. SECURITY COUNCIL'), ['u.n.', 'security', 'council'])
})

test('the trie returns every phrase starting at a token, longest first, and stops at the limit', () => {
  const trie = new TokenTrie()
  trie.add(['un'], 1)
  trie.add(['un', 'security', 'council'], 2)
  trie.add(['security', 'council'], 3)
  const norms = ['the', 'un', 'security', 'council', 'met']
  assert.deepEqual(trie.matchesAt(norms, 1, norms.length), [[4, [2]], [2, [1]]])
  assert.deepEqual(trie.matchesAt(norms, 1, 3), [[2, [1]]])
  assert.deepEqual(trie.matchesAt(norms, 0, norms.length), [])
  assert.deepEqual(trie.matchesAt(norms, 2, norms.length), [[4, [3]]])
})

test('short capital acronyms need capitals in the text, so "us" is never the USA', () => {
  const us = caseRuleOf('US', ['us'])
  assert.equal(us, CaseRule.Upper)
  assert.equal(caseOk(us, ['US'], 0, 1), true)
  assert.equal(caseOk(us, ['us'], 0, 1), false)
  assert.equal(caseOk(us, ['Us'], 0, 1), false)
  // a hand-written mixed-case alias is a name, not an acronym
  assert.equal(caseRuleOf('Tass', ['tass']), CaseRule.Capitalized)
})

test('names need capitals on their content words, not on function words', () => {
  const rule = caseRuleOf('MINISTRY OF FOREIGN AFFAIRS', ['ministry', 'of', 'foreign', 'affairs'])
  assert.equal(caseOk(rule, ['Ministry', 'of', 'Foreign', 'Affairs'], 0, 4), true)
  assert.equal(caseOk(rule, ['ministry', 'of', 'foreign', 'affairs'], 0, 4), false)
  assert.equal(caseOk(caseRuleOf('HAMAS', ['hamas']), ['hamas'], 0, 1), false)
  assert.equal(caseOk(caseRuleOf('HAMAS', ['hamas']), ['HAMAS'], 0, 1), true)
})

test('a trie node’s masks let through every token that follows it (they only ever rule tokens out)', () => {
  const trie = new TokenTrie()
  const phrases = [['un', 'security', 'council'], ['un', 'general', 'assembly'], ['the', 'poor'], ['the', 'people'], ['u.s.', 'state', 'department']]
  phrases.forEach((p, i) => trie.add(p, i))
  for (const p of phrases) {
    let node = trie.root(p[0])!
    for (const t of p.slice(1)) {
      assert.ok(mayFollow(node, tokenCode(t)), `${t} after ${p[0]}`)
      node = node.next!.get(t)!
    }
    assert.ok(node.ids)
  }
})
