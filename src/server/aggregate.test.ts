import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { StoredEvent } from '../storage/store.js'
import { buildGraph, buildPlaces } from './aggregate.js'

const side = (name: string, country: string | null, code: string | null = null) => ({ text: name, start: 0, end: name.length, name, country, sector: null, code })

function ev(over: Partial<StoredEvent>): StoredEvent {
  return {
    id: Math.random().toString(36).slice(2), type: 'CONSULT', mode: null, context: [], actor: [], recipient: [], polarity: 'asserted', date: '2023-10-26', date_text: null,
    location: null, reported_by: null, quad: 'VERBAL_COOPERATION', sentence: { index: 0, start: 0, end: 1 }, trigger: { text: 'met', start: 0, end: 3 }, explanation: '',
    article_id: 'a', source_url: null, source: null, published: null, date_added: '', sentence_text: 'x', actor_ids: [], recipient_ids: [],
    cluster: { id: 'c', num_mentions: 1, num_sources: 1, num_articles: 1 }, ...over,
  }
}

test('edges count events per ordered pair and take the commonest quad; nodes count events once', () => {
  const g = buildGraph([
    ev({ actor: [side('Russia', 'RUS')], recipient: [side('Ukraine', 'UKR')], actor_ids: ['russia.rus'], recipient_ids: ['ukraine.ukr'], type: 'ASSAULT', quad: 'MATERIAL_CONFLICT' }),
    ev({ actor: [side('Russia', 'RUS')], recipient: [side('Ukraine', 'UKR')], actor_ids: ['russia.rus'], recipient_ids: ['ukraine.ukr'], type: 'ASSAULT', quad: 'MATERIAL_CONFLICT' }),
    ev({ actor: [side('Russia', 'RUS')], recipient: [side('Ukraine', 'UKR')], actor_ids: ['russia.rus'], recipient_ids: ['ukraine.ukr'], type: 'ACCUSE', quad: 'VERBAL_CONFLICT' }),
    ev({ actor: [side('Ukraine', 'UKR')], recipient: [side('Russia', 'RUS')], actor_ids: ['ukraine.ukr'], recipient_ids: ['russia.rus'] }),
    // No stored ids: keyed by code, then name; an actor acting on itself draws no edge.
    ev({ actor: [side('Hamas', 'PSE', 'PSEREB')], recipient: [side('Iran', 'IRN')], actor_ids: [''], recipient_ids: [''] }),
    ev({ actor: [side('Iran', 'IRN')], recipient: [side('Iran', 'IRN')], actor_ids: ['iran.irn'], recipient_ids: ['iran.irn'] }),
  ])
  const ru = g.edges.find((e) => e.source === 'russia.rus' && e.target === 'ukraine.ukr')!
  assert.equal(ru.weight, 3)
  assert.equal(ru.quad, 'MATERIAL_CONFLICT')
  assert.equal(g.edges.find((e) => e.source === 'ukraine.ukr')!.weight, 1)
  assert.ok(g.edges.some((e) => e.source === 'PSEREB' && e.target === 'Iran'))
  assert.equal(g.edges.length, 3)
  assert.equal(g.nodes.find((n) => n.id === 'russia.rus')!.events, 4)
  assert.ok(!g.nodes.some((n) => n.id === 'iran.irn'), 'self-loops add no node')
})

test('places group by name and position and skip events without coordinates', () => {
  const moscow = { text: 'Moscow', name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62 }
  const p = buildPlaces([
    ev({ location: moscow }),
    ev({ location: moscow, quad: 'VERBAL_CONFLICT', type: 'ACCUSE' }),
    ev({ location: { ...moscow, name: 'Kyiv', lat: 50.45, lon: 30.52, country: 'UKR' } }),
    ev({ location: { text: 'somewhere', name: 'somewhere', country: null, lat: null, lon: null } }),
  ])
  assert.deepEqual(p.map((x) => [x.name, x.events]), [['Moscow', 2], ['Kyiv', 1]])
  assert.equal(p[0].quads.VERBAL_CONFLICT, 1)
  assert.equal(p[0].sample.length, 2)
})
