import { api, type StoredArticle, type StoredEvent } from '../api.ts'
import { actorLinks, eventDate, exportBar, QUAD_LABEL, quadBadge } from '../common.ts'
import { announce, append, clear, h } from '../dom.ts'
import { href, type Route } from '../router.ts'

type Mention = StoredArticle['record']['entities'][number]

interface Seg {
  start: number
  end: number
  mention: Mention | null
  events: StoredEvent[]
  inSentence: boolean
  role: 'actor' | 'recipient' | null
}

/** Cuts the text at every highlight boundary so overlapping spans need no nesting. */
function segments(text: string, mentions: Mention[], events: StoredEvent[], sel: StoredEvent | null): Seg[] {
  const cuts = new Set<number>([0, text.length])
  const add = (s: number, e: number) => {
    if (s >= 0 && e <= text.length && s < e) {
      cuts.add(s)
      cuts.add(e)
    }
  }
  for (const m of mentions) add(m.start, m.end)
  for (const e of events) add(e.trigger.start, e.trigger.end)
  if (sel) {
    add(sel.sentence.start, sel.sentence.end)
    for (const a of [...sel.actor, ...sel.recipient]) add(a.start, a.end)
  }
  const xs = [...cuts].sort((a, b) => a - b)
  const out: Seg[] = []
  for (let i = 0; i + 1 < xs.length; i++) {
    const s = xs[i]
    const e = xs[i + 1]
    const inside = <T extends { start: number; end: number }>(x: T) => x.start <= s && x.end >= e
    const ms = mentions.filter(inside).sort((a, b) => a.end - a.start - (b.end - b.start))
    let role: Seg['role'] = null
    if (sel?.actor.some(inside)) role = 'actor'
    else if (sel?.recipient.some(inside)) role = 'recipient'
    out.push({
      start: s,
      end: e,
      mention: ms[0] ?? null,
      events: events.filter((ev) => ev.trigger.start <= s && ev.trigger.end >= e),
      inSentence: !!sel && sel.sentence.start <= s && sel.sentence.end >= e,
      role,
    })
  }
  return out
}

function mentionTitle(m: Mention): string {
  return [m.name ?? m.text, m.type, m.country, m.sector, m.code].filter(Boolean).join(' · ')
}

export async function articleView(root: HTMLElement, r: Route): Promise<void> {
  const id = r.path[1] ?? ''
  const a = await api.article(id)
  const rec = a.record
  const events = a.events
  let selected: StoredEvent | null = events.find((e) => e.id === r.params.get('event')) ?? null

  const textBox = h('div', { class: 'article-text', id: 'article-text' })
  const panel = h('section', { class: 'explain', 'aria-labelledby': 'explain-h', tabindex: '-1' })
  const list = h('ul', { class: 'event-buttons' })

  const select = (e: StoredEvent | null, focus: boolean) => {
    selected = e
    history.replaceState(null, '', href(`article/${encodeURIComponent(id)}`, { event: e?.id }))
    draw()
    if (e) {
      textBox.querySelector('.sel-trigger')?.scrollIntoView({ block: 'center' })
      if (focus) panel.focus()
      announce(`${e.type} event selected`)
    }
  }

  const draw = () => {
    clear(textBox)
    for (const s of segments(rec.text, rec.entities, events, selected)) {
      const words = rec.text.slice(s.start, s.end)
      let node: Node
      if (s.events.length) {
        const ev = s.events[0]
        const isSel = s.events.some((x) => x.id === selected?.id)
        node = h('button', {
          type: 'button',
          class: `trigger${isSel ? ' sel-trigger' : ''}`,
          'aria-pressed': isSel ? 'true' : 'false',
          'aria-label': `${words} — ${s.events.map((x) => x.type).join(', ')} event; show explanation`,
          onclick: () => select(ev, true),
        }, words)
      } else if (s.mention) {
        node = h('mark', { class: `mention type-${s.mention.type}`, title: mentionTitle(s.mention) }, words)
      } else node = document.createTextNode(words)
      if (s.inSentence || s.role) node = h('span', { class: [s.inSentence ? 'sel-sentence' : '', s.role ? `role-${s.role}` : ''].join(' ').trim() }, node)
      textBox.appendChild(node)
    }
    clear(list)
    for (const e of events) {
      list.appendChild(h('li', {}, h('button', { type: 'button', class: `event-button${e.id === selected?.id ? ' current' : ''}`, 'aria-pressed': e.id === selected?.id ? 'true' : 'false', onclick: () => select(e, true) },
        quadBadge(e), ` ${e.actor.map((x) => x.name ?? x.text).join(', ') || '?'} → ${e.recipient.map((x) => x.name ?? x.text).join(', ') || '?'}${e.location ? ` in ${e.location.name}` : ''}`)))
    }
    clear(panel)
    panel.appendChild(h('h2', { id: 'explain-h' }, selected ? `Why ${selected.type}?` : 'Explanation'))
    panel.appendChild(selected ? explanation(selected) : h('p', { class: 'muted' }, 'Choose a highlighted trigger word or an event to see how it was coded.'))
  }

  const meta = [rec.source, rec.published?.slice(0, 10), rec.language].filter(Boolean).join(' · ')
  append(root, [
    h('h1', {}, rec.title ?? `Article ${rec.id}`),
    h('p', { class: 'meta' }, meta, rec.url && /^https?:\/\//i.test(rec.url) ? h('span', {}, ' · ', h('a', { href: rec.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')) : null),
    h('ul', { class: 'legend', 'aria-label': 'Highlight key' },
      h('li', {}, h('mark', { class: 'mention type-person' }, 'person')),
      h('li', {}, h('mark', { class: 'mention type-organization' }, 'organization')),
      h('li', {}, h('mark', { class: 'mention type-country' }, 'country')),
      h('li', {}, h('mark', { class: 'mention type-place' }, 'place')),
      h('li', {}, h('span', { class: 'trigger key' }, 'event trigger'))),
    h('div', { class: 'article-layout' },
      h('section', { 'aria-label': 'Article text' }, textBox),
      h('aside', { 'aria-label': 'Events in this article' },
        h('h2', {}, `Events (${events.length})`),
        exportBar(() => events, `newsgraph-article-${rec.id}`),
        list,
        panel)),
    rec.warnings.length ? h('details', {}, h('summary', {}, `Warnings (${rec.warnings.length})`), h('ul', {}, rec.warnings.map((w) => h('li', {}, w)))) : null,
  ])
  draw()
  if (selected) textBox.querySelector('.sel-trigger')?.scrollIntoView({ block: 'center' })
}

function explanation(e: StoredEvent): HTMLElement {
  const row = (k: string, v: Node | string | null) => [h('dt', {}, k), h('dd', {}, v ?? '—')]
  return h('div', {},
    h('dl', { class: 'facts' },
      row('Type', h('span', {}, quadBadge(e), ` ${QUAD_LABEL[e.quad]}`)),
      row('Actor', actorLinks(e.actor, e.actor_ids)),
      row('Recipient', actorLinks(e.recipient, e.recipient_ids)),
      row('Polarity', e.polarity),
      row('Date', `${eventDate(e)}${e.date_text ? ` (“${e.date_text}”)` : ''}`),
      row('Where', e.location ? `${e.location.name}${e.location.country ? `, ${e.location.country}` : ''}` : null),
      row('Reported by', e.reported_by),
      row('Mode / context', [e.mode, ...e.context].filter(Boolean).join(', ') || null),
      row('Trigger', `“${e.trigger.text}”`),
      row('Evidence', h('q', {}, e.sentence_text)),
      row('How', h('code', { class: 'explanation' }, e.explanation)),
      row('Reported in', `${e.cluster.num_articles} article(s), ${e.cluster.num_sources} source(s)`)),
    e.actor_ids[0] && e.recipient_ids[0] ? h('p', {}, h('a', { href: href('dyad', { a: e.actor_ids[0], b: e.recipient_ids[0] }) }, 'This pair over time')) : null)
}
