/**
 * Cleaning around the main-content finder. Before: page furniture that content scorers
 * mistake for article text (captions, share bars, related-story lists, newsletter boxes,
 * comment sections) goes, found by tag, ARIA role and class/id words. After: link lists and
 * furniture lines left inside the chosen block go.
 */
import type { Removed } from '../core/types.js'
import { BLOCK_TAGS } from './blocks.js'

/** Tags that never hold article body text. */
const FURNITURE_TAGS = 'script,style,noscript,template,iframe,svg,canvas,button,select,textarea,input,nav,aside,footer,figcaption,dialog,menu'
const FURNITURE_ROLES = '[role="navigation"],[role="complementary"],[role="contentinfo"],[role="banner"],[role="dialog"],[role="alert"],[hidden],[aria-hidden="true"]'

/**
 * Words in class/id that mark furniture. Matched against class/id split at -, _, space and
 * camelCase, so "article-body" never matches "ad" and "comments" matches "comment".
 */
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'social', 'sharebar', 'related', 'recommended', 'recommendations', 'newsletter', 'subscribe', 'subscription', 'signup',
  'cookie', 'cookies', 'consent', 'gdpr', 'comment', 'comments', 'disqus', 'breadcrumb', 'breadcrumbs', 'tags', 'tag', 'taglist', 'byline', 'dateline',
  'timestamp', 'caption', 'credit', 'credits', 'promo', 'advert', 'advertisement', 'ad', 'ads', 'adslot', 'sponsor', 'sponsored', 'outbrain', 'taboola',
  'trending', 'popular', 'sidebar', 'widget', 'toolbar', 'disclaimer', 'copyright', 'skip', 'nav', 'navbar', 'menu', 'masthead', 'footer', 'header',
  'modal', 'popup', 'overlay', 'banner', 'author', 'bio', 'teaser', 'teasers', 'recirc', 'readmore', 'more', 'also', 'pagination', 'pager', 'print',
  'rating', 'gallery', 'slideshow', 'carousel', 'screenreader', 'meta', 'date', 'published', 'updated', 'player',
  'playlist', 'newsletters', 'follow',
])

/** Furniture words that only count when nothing marks the element as article content too. */
const CONTENT_WORDS = new Set(['article', 'body', 'content', 'story', 'text', 'post', 'entry', 'main', 'prose', 'richtext'])

/** Elements never dropped for their class alone: page roots, and table parts (rows of a results table carry ids like "player-2020-580"). */
const NEVER_BY_CLASS = new Set(['HTML', 'BODY', 'ARTICLE', 'MAIN', 'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH'])

/** A furniture-marked element holding more than this share of the page's text is a wrapper, not furniture. */
const WRAPPER_SHARE = 0.35

function splitWords(token: string): string[] {
  return token.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)
}

function classWords(el: any): string[] {
  const s = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
  return s.trim() === '' ? [] : splitWords(s)
}

/**
 * Furniture by class/id. Each class token is read like an English compound, its last known word
 * deciding: "related-articles" and "article-share" are furniture, "share-article" and
 * "article-body" are content. Any content token keeps the element.
 */
function isFurnitureByClass(el: any): boolean {
  const s = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim()
  if (s === '') return false
  let furniture = false
  for (const token of s.split(/\s+/)) {
    const words = splitWords(token)
    for (let i = words.length - 1; i >= 0; i--) {
      if (CONTENT_WORDS.has(words[i])) return false
      if (FURNITURE_WORDS.has(words[i])) {
        furniture = true
        break
      }
    }
  }
  return furniture
}

function textLen(el: any): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').length
}

/** Drops furniture from the whole page before the content finder scores it. */
export function preClean(doc: any): void {
  for (const el of doc.querySelectorAll(FURNITURE_TAGS)) el.remove()
  for (const el of doc.querySelectorAll(FURNITURE_ROLES)) el.remove()
  for (const el of doc.querySelectorAll('[style]')) {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')) el.remove()
  }
  const body = doc.body ?? doc.documentElement
  if (!body) return
  const total = textLen(body) || 1
  const marked: any[] = []
  for (const el of body.querySelectorAll('[class],[id]')) if (!NEVER_BY_CLASS.has(el.tagName) && isFurnitureByClass(el)) marked.push(el)
  for (const el of marked) {
    if (!el.parentNode) continue
    if (textLen(el) > WRAPPER_SHARE * total) continue
    // An embedded post (a tweet in a "social-embed" box) is quoted material the story relies on.
    // The box is unwrapped, or Readability's own "social" and link-density rules would remove it.
    if (el.tagName !== 'BLOCKQUOTE' && el.querySelector('blockquote') && classWords(el).includes('embed')) {
      el.replaceWith(...Array.from(el.childNodes as any[]))
      continue
    }
    el.remove()
  }
}

/** A list or block whose text is mostly link text, at least this share, is navigation or a teaser list. */
const LINK_DENSITY_MAX = 0.5
/** A linked list whose items average more than this is a list of summaries written for this article, not teasers. */
const LIST_ITEM_PROSE_CHARS = 200
/** Blocks longer than this are prose even when linked (a paragraph of citations). */
const LINKED_PROSE_CHARS = 300

function linkTextLen(el: any): number {
  let n = 0
  for (const a of el.querySelectorAll('a')) n += textLen(a)
  return n
}

/** Drops link lists and linked one-liners from the chosen content block. */
export function postCleanDom(root: any, removed: Removed[]): void {
  for (const el of root.querySelectorAll('ul,ol,li,p,div,h2,h3,h4,h5,h6,section')) {
    if (!el.parentNode) continue
    // Embedded posts and quotes (tweets) are mostly links but are part of the story.
    if (el.closest?.('blockquote') || el.querySelector('blockquote')) continue
    const isList = el.tagName === 'UL' || el.tagName === 'OL'
    const len = textLen(el)
    if (len === 0 || len > LINKED_PROSE_CHARS * (isList ? 10 : 1)) continue
    if (isList && len / Math.max(1, el.querySelectorAll('li').length) > LIST_ITEM_PROSE_CHARS) continue
    if (linkTextLen(el) / len >= LINK_DENSITY_MAX) {
      const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
      if (t) removed.push({ text: t, reason: 'link-list' })
      el.remove()
    }
  }
  for (const el of root.querySelectorAll('figure,[class],[id]')) {
    if (!el.parentNode) continue
    if (el.tagName === 'FIGURE' || isFurnitureByClass(el)) {
      if (el.querySelector('blockquote') || el.closest?.('blockquote')) continue
      const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
      if (t) removed.push({ text: t, reason: el.tagName === 'FIGURE' ? 'caption' : 'furniture' })
      el.remove()
    }
  }
}

export { BLOCK_TAGS }
