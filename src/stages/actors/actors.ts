import { existsSync, readFileSync } from 'node:fs'
import { fromRoot } from '../../core/paths.js'
import type { Doc, EntityType, Mention, Place, Sentence, Stage } from '../../core/types.js'
import { compile, loadUserDictionaries, resolveRole, shippedDictionaries, splitCode, type ActorEntry, type AgentEntry, type CompiledDictionaries, type Role } from '../../dictionaries/actors.js'
import { CaseRule, NAME_FUNCTION_WORDS, normToken } from '../../dictionaries/phrase.js'
import { mayFollow, tokenCode, type TrieNode } from '../../dictionaries/trie.js'
import { DEFINITE_HEADS, lastSpace, resolveCoreference, type PendingName } from '../../resolve/coref.js'
import { gazetteer, type GazetteerPlace } from '../places/gazetteer.js'
import { WordTable } from './words.js'

/** An actor learned from earlier articles (e.g. by the database), so a later bare "Kani" resolves. */
export interface KnownActor {
  name: string
  aliases?: string[]
  country: string | null
  sector: string | null
  code: string | null
  type: EntityType
}

export interface ActorStageOptions {
  /** A folder of the user's own dictionaries (dictionaries/README.md), layered over the shipped ones. */
  dictionaries?: string
  /** Actors known from earlier articles; they win over the shipped dictionaries, like the user's own. */
  knownActors?: KnownActor[]
}

/** Prepositions after which a place name is where something happened, not who did it. */
const LOCATIVE = new Set(['in', 'at', 'near', 'into', 'inside', 'outside', 'across', 'throughout', 'around', 'toward', 'towards', 'via', 'within', 'over'])
/** "flew to Moscow", "left from Kyiv": for cities these mark a direction; for countries ("criticism from Israel") usually an actor. */
const CITY_LOCATIVE_EXTRA = new Set(['to', 'from', 'of'])
/** Agent sectors that are descriptions, not actors, when they stand alone ("the people", "Jewish"). */
const SILENT_SECTORS = new Set(['PPL', 'JEW', 'MUS', 'CHR', 'HIN', 'BUD', 'REL', 'SHI', 'SUN', 'CTH'])
/** Agent words too vague to stand alone as an actor ("on social media", "intelligence suggests"). */
const SILENT_ALONE = new Set(['media', 'intelligence', 'communities', 'community', 'people', 'public', 'population', 'residents', 'locals'])
/** Nouns that make a title phrase an organization rather than a person. */
/** Last words of names of documents, events and days ("Dayton Accords", "National Day"): no actor, no place. */
const THING_HEADS = new Set(['declaration', 'agreement', 'agreements', 'accord', 'accords', 'treaty', 'convention', 'act', 'law', 'constitution', 'charter', 'prize', 'award', 'cup', 'games', 'olympics', 'war', 'revolution', 'spring', 'day', 'week', 'festival', 'plan', 'initiative', 'doctrine', 'protocol', 'resolution', 'bill', 'report', 'index', 'summit', 'conference', 'talks', 'process'])
const ORG_HEADS = new Set(['academy', 'institution', 'unit', 'intelligence', 'university', 'center', 'centre', 'institute', 'studies', 'foundation', 'fund', 'network', 'times', 'post', 'news', 'press', 'radio', 'social', 'factbook', 'consultancy', 'community', 'corporation', 'corp', 'inc', 'ltd', 'airlines', 'airways', 'club', 'league', 'association', 'federation', 'alliance', 'coalition', 'council', 'board', 'bureau', 'command', 'corps', 'brigade', 'battalion', 'division', 'mission', 'program', 'programme', 'project', 'initiative', 'school', 'hospital', 'museum', 'church', 'mosque', 'cathedral', 'airport', 'port', 'square', 'street', 'palace', 'hall', 'house', 'building', 'prison', 'camp', 'base', 'highway', 'road', 'bridge', 'river', 'lake', 'mountains', 'island', 'islands', 'region', 'province', 'district', 'state', 'city', 'county', 'strip', 'bank', 'sea', 'ocean', 'gulf', 'channel', 'declaration', 'agreement', 'accord', 'treaty', 'convention', 'act', 'law', 'constitution', 'charter', 'prize', 'award', 'cup', 'games', 'olympics', 'war', 'revolution', 'spring', 'day', 'week', 'summit', 'forum', 'conference', 'festival', 'ministry', 'ministries', 'office', 'department', 'council', 'government', 'agency', 'agencies', 'military', 'army', 'navy', 'forces', 'force', 'police', 'court', 'parliament', 'assembly', 'cabinet', 'administration', 'committee', 'commission', 'service', 'services', 'embassy', 'media', 'broadcaster', 'television', 'tv', 'guard', 'authorities', 'authority', 'regime', 'junta', 'party', 'senate', 'congress', 'legislature', 'bank', 'company', 'union', 'organization', 'organisation', 'movement', 'front', 'brigades', 'group'])
/** Last words that make an unknown proper-noun run a place ("Zamfara State", "Sado Khelo area"). */
const PLACE_HEADS = new Set(['state', 'province', 'region', 'district', 'county', 'city', 'town', 'village', 'island', 'islands', 'strip', 'sea', 'ocean', 'gulf', 'bay', 'river', 'lake', 'mountains', 'mountain', 'valley', 'desert', 'peninsula', 'square', 'street', 'avenue', 'road', 'highway', 'bridge', 'airport', 'port', 'camp', 'prison', 'palace', 'area', 'border', 'coast', 'canal', 'straits', 'strait', 'heights', 'plateau', 'oblast', 'governorate', 'prefecture', 'municipality', 'neighborhood', 'neighbourhood'])
/** Last words of newspaper and broadcaster names ("The Phnom Penh Post"). */
const MEDIA_HEADS = new Set(['post', 'times', 'daily', 'herald', 'tribune', 'gazette', 'journal', 'news', 'telegraph', 'chronicle', 'observer', 'guardian', 'express', 'mail', 'mirror', 'star', 'sun', 'today', 'radio', 'television', 'tv'])
/** Parts of speech that never belong to a name, capitalized or not. */
const FUNCTION_POS = new Set(['PUNCT', 'ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'NUM', 'SYM', 'SPACE'])
/** Prepositions some agent phrases end with ("AMBASSADOR_TO"). */
const TITLE_PREPOSITIONS = new Set(['to', 'for', 'of', 'at', 'in', 'on'])
/** Words that join the parts of an organization's name ("Department of Homeland Security"). */
const ORG_CONNECTORS = new Set(['of', 'for', 'the', 'and', 'on', '&'])
/** Tokens an organization's name may run on after its head word. */
const MAX_ORG_TAIL = 10
/** One-word names of institutions ("the Senate") that are organizations on their own. */
const INSTITUTIONS = new Set(['senate', 'congress', 'parliament', 'knesset', 'duma', 'bundestag', 'majlis', 'rada', 'pentagon', 'politburo', 'cabinet'])
/** Plural person nouns make a group ("rebels", "officials"). */
const GROUP_HEADS = /(?:s|men|people|police|delegation|children)$/
const PERSON_SUFFIX = /(?:er|or|ist|ian|man|woman)$/
/** Verbs of saying: "Chris Mhike said" makes an unknown proper-noun pair a person. */
const SPEECH = new Set(['said', 'says', 'told', 'added', 'wrote', 'noted', 'explained', 'argued', 'stated', 'warned', 'asked', 'insisted', 'claimed', 'believes', 'thinks', 'tweeted', 'posted', 'announced', 'declared', 'confirmed', 'denied', 'urged', 'called'])
/** How far after a name a verb of saying still counts ("Sarbast Nabi, a professor, said"). */
const SPEECH_WINDOW = 3
/** Sectors of bare title words ("General X", "Senator Y"); the rest stay unknown. */
const TITLE_SECTORS: Record<string, string> = { general: 'MIL', colonel: 'MIL', admiral: 'MIL', commander: 'MIL', captain: 'MIL', lieutenant: 'MIL', sergeant: 'MIL', marshal: 'MIL', president: 'GOV', minister: 'GOV', premier: 'GOV', chancellor: 'GOV', governor: 'GOV', mayor: 'GOV', ambassador: 'GOV', envoy: 'GOV', secretary: 'GOV', senator: 'LEG', lawmaker: 'LEG', speaker: 'LEG', judge: 'JUD', prosecutor: 'JUD', king: 'GOV', queen: 'GOV', prince: 'GOV', emir: 'GOV', sultan: 'GOV' }
/** Title nouns for a single person; other agent nouns are organizations ("the military", "intelligence"). */
const PERSON_HEADS = new Set(['minister', 'president', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'emir', 'sultan', 'monarch', 'leader', 'spokesperson', 'spokesman', 'spokeswoman', 'envoy', 'ambassador', 'diplomat', 'official', 'secretary', 'general', 'commander', 'chief', 'head', 'governor', 'mayor', 'senator', 'lawmaker', 'legislator', 'judge', 'prosecutor', 'negotiator', 'adviser', 'advisor', 'aide', 'representative', 'delegate', 'member', 'chairman', 'chairwoman', 'chair', 'director', 'officer', 'soldier', 'activist', 'journalist', 'reporter', 'analyst', 'citizen', 'deputy', 'dictator', 'ruler', 'cleric', 'ayatollah', 'pope', 'bishop', 'imam', 'rebel', 'militant', 'fighter', 'gunman', 'protester', 'demonstrator', 'hostage', 'prisoner', 'refugee', 'candidate', 'opposition leader', 'politician', 'mp', 'coordinator', 'inspector', 'investigator', 'attorney', 'lawyer', 'colonel', 'captain', 'sergeant', 'lieutenant', 'admiral', 'marshal', 'policeman', 'policewoman', 'agent', 'spy', 'vice-president', 'viceroy', 'speaker', 'counselor', 'councillor', 'consul', 'attache', 'chargé', 'tsar', 'czar', 'gen.', 'lt.', 'col.', 'maj.', 'brig.', 'capt.', 'sgt.', 'adm.', 'cmdr.', 'gov.', 'sen.', 'pres.'])
/**
 * Capitalized words that rule out a person in an untyped proper-noun run ("Truth Social",
 * "Legal Studies", "Shiite Islam"): adjectives of nations and faiths, and ordinary nouns.
 */
const NON_PERSON_WORDS = new Set(['organisation', 'organization', 'emirate', 'sharia', 'governmental', 'non-governmental', 'cyclone', 'storm', 'hurricane', 'typhoon', 'tropical', 'climate', 'change', 'risks', 'risk', 'research', 'clinical', 'academy', 'institution', 'unit', 'islam', 'islamic', 'islamist', 'muslim', 'christian', 'jewish', 'shiite', 'shia', 'sunni', 'catholic', 'orthodox', 'kurdish', 'arab', 'arabic', 'african', 'european', 'asian', 'american', 'western', 'eastern', 'northern', 'southern', 'central', 'national', 'federal', 'regional', 'democratic', 'republican', 'socialist', 'communist', 'liberal', 'conservative', 'legal', 'social', 'truth', 'global', 'world', 'international', 'united', 'new', 'free', 'supreme', 'royal', 'special', 'general', 'public', 'human', 'rights', 'security', 'defense', 'defence', 'foreign', 'affairs', 'political', 'economic', 'military', 'civil', 'state', 'states', 'intelligence', 'community', 'studies', 'center', 'centre', 'institute', 'university', 'college', 'school', 'service', 'services', 'agency', 'news', 'press', 'media', 'times', 'post', 'daily', 'weekly', 'online', 'tv', 'radio', 'twitter', 'facebook', 'telegram', 'instagram', 'youtube', 'tiktok', 'google', 'apple', 'microsoft', 'amazon', 'covid', 'coronavirus', 'article', 'chapter', 'section', 'constitution', 'declaration', 'court', 'high', 'low', 'premier', 'league', 'cup', 'champions', 'olympic', 'olympics', 'day', 'week', 'year', 'spring', 'summer', 'autumn', 'winter', 'east', 'west', 'north', 'south', 'middle', 'great', 'little', 'old', 'holy', 'saint', 'mount', 'lake', 'river', 'island', 'gulf', 'sea', 'ocean', 'street', 'road', 'avenue', 'square', 'palace', 'house', 'office', 'department', 'ministry', 'committee', 'council', 'party', 'front', 'forces', 'army', 'police', 'guard', 'brigade', 'brigades', 'group', 'movement', 'factbook', 'consultancy', 'administration', 'government', 'authority', 'parliament', 'congress', 'senate', 'assembly', 'union', 'bank', 'fund', 'company', 'group', 'inc', 'corp', 'ltd', 'minister', 'president', 'prime', 'secretary', 'general', 'chief', 'director', 'spokesperson', 'spokesman', 'breaking', 'update', 'live', 'video', 'photo', 'photos', 'opinion', 'analysis', 'editorial', 'exclusive', 'watch', 'read', 'more', 'related', 'share', 'comment', 'comments', 'advertisement', 'subscribe', 'sign', 'login', 'menu', 'search', 'home', 'contact', 'about', 'privacy', 'terms', 'copyright', 'all', 'no', 'not', 'yes', 'why', 'what', 'how', 'who', 'where', 'when'])
/** Nouns that relate a person to another actor ("the head of the Hamas delegation"): they take that actor's country and sector. */
const RELATIONAL = new Set(['head', 'heads', 'leader', 'leaders', 'chief', 'member', 'members', 'representative', 'representatives', 'delegation', 'delegate', 'delegates', 'official', 'officials', 'envoy', 'spokesperson', 'spokesman', 'spokeswoman', 'adviser', 'advisor', 'aide', 'aides', 'negotiator', 'commander', 'commanders', 'chairman', 'secretary'])
/** Words before a title that keep it a title ("deputy foreign minister", "top diplomat"). */
const TITLE_MODIFIERS = new Set(['deputy', 'vice', 'acting', 'senior', 'top', 'chief', 'first', 'interim', 'former', 'state', 'state-run', 'new', 'then', 'outgoing', 'incoming', 'jewish', 'muslim', 'christian', 'special', 'russian', 'iranian'])
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her'])
/** Capitalized words that are never part of a person's name. */
const NOT_NAMES = new Set(['former', 'outgoing', 'incoming', 'late', 'acting', 'interim', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'i', 'it', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'we', 'they', 'but', 'and', 'however', 'despite', 'following', 'according', 'while', 'in', 'on', 'at', 'for', 'as', 'after', 'before', 'since', 'many', 'some', 'also', 'if', 'when', 'its', 'his', 'her', 'their', 'our', 'mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.', 'jewish', 'muslim', 'christian', 'arab', 'western', 'eastern', 'northern', 'southern', 'breaking', 'update', 'live', 'watch', 'read', 'more'])
/** Honorifics that make the next capitalized words a person. */
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'gen', 'gen.', 'sheikh', 'lt.', 'col.', 'sen.', 'rep.'])
/** Connectors allowed inside a proper-name run ("Osama bin Laden", "Abu al-Baghdadi"). */
const NAME_CONNECTORS = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'van', 'von', 'der', 'abu', '-'])
/** Demonym endings: "Israeli", "Russian", "Chinese", "Turkish", "Dutch", "Icelandic". */
const DEMONYM = /(?:i|an|ese|ish|ch|ic|ean|ian|in|ine)$/
const DEMONYM_PLURAL = /(?:is|ans|ians|eans|ins|ines)$/
/** Letters a demonym shares with its country's name ("isra"eli, "afgh"an, "russ"ian). */
const DEMONYM_STEM = 4
/** Demonyms that share no stem with the country's name. */
const IRREGULAR_DEMONYMS = new Set(['serb', 'croat', 'slovak', 'dutch', 'british', 'briton', 'swiss', 'emirati', 'filipino', 'welsh', 'scottish', 'english', 'kiwi', 'turkish', 'turk', 'greek', 'french', 'spanish', 'danish', 'swedish', 'finnish', 'polish', 'irish', 'icelandic', 'maltese', 'cypriot', 'belarusian', 'kyrgyz', 'uzbek', 'tajik', 'turkmen', 'kazakh', 'lao', 'thai', 'burmese', 'malagasy', 'ivorian', 'congolese', 'sri', 'omani', 'yemeni', 'saudi', 'qatari', 'bahraini', 'kuwaiti', 'iraqi', 'syrian', 'lebanese', 'jordanian', 'egyptian', 'libyan', 'sudanese', 'somali', 'ethiopian', 'kenyan', 'ugandan', 'rwandan', 'burundian', 'malian', 'nigerien', 'nigerian', 'ghanaian', 'senegalese', 'guinean', 'chadian', 'niger', 'american', 'us', 'soviet', 'korean', 'chinese', 'japanese', 'vietnamese', 'pakistani', 'indian', 'bangladeshi', 'nepali', 'afghan', 'iranian', 'israeli', 'palestinian', 'russian', 'ukrainian', 'german', 'italian', 'portuguese', 'mexican', 'brazilian', 'argentine', 'argentinian', 'chilean', 'peruvian', 'colombian', 'venezuelan', 'cuban', 'canadian', 'australian'])
/** Name runs longer than this are titles or headlines, not people. */
const MAX_PERSON_TOKENS = 4
/** Tokens a title tail ("for political affairs") may run to. */
const MAX_TITLE_TAIL = 4
/** Heads after a leader's surname that make it stand for the state he governs ("the Bush administration"). */
const GOVERNING_HEADS = new Set(['administration', 'government', 'regime', 'cabinet'])
/** How many times more spellings a person needs than a namesake of another country to be the one meant. */
const PROMINENCE_RATIO = 4
/** Publications, which the person-noun endings (-er: "newspaper") would make people. */
const PUBLICATIONS = new Set(['newspaper', 'newspapers', 'paper', 'papers', 'magazine', 'magazines', 'weekly', 'tabloid', 'newsletter'])
/** Sectors an unaffiliated group takes from the country it is "in" ("opposition groups in Zimbabwe"). */
const IN_COUNTRY_SECTORS = new Set(['OPP', 'REB', 'GOV', 'COP', 'JUD', 'LEG', 'UAF'])
/** Bare surnames shorter than this are too often a given name in the dictionary's spelling. */
const MIN_BARE_SURNAME = 4
/** More near spellings than this and a misspelt surname names nobody in particular. */
const MAX_NEAR_SURNAMES = 3
/** Shorter surnames are too easily one letter from someone else's. */
const MIN_FUZZY_SURNAME = 5
/** A surname shared by more dictionary people than this is too common to name anyone by itself. */
const MAX_SURNAME_CANDIDATES = 12

type Unit =
  | { k: 'actor'; a: number; b: number; entry: ActorEntry; user: boolean }
  | { k: 'country'; a: number; b: number; iso: string; form: 'name' | 'demonym' | 'plural'; origin: string }
  | { k: 'place'; a: number; b: number; place: GazetteerPlace; origin: string }
  | { k: 'agent'; a: number; b: number; sector: string | null; origin: string; relational: boolean }
  | { k: 'name'; a: number; b: number; honorific: boolean }

/** A country + sector, from a title ("Iran's deputy foreign minister") or a relation ("a spokesperson for Putin"). */
interface Affiliation {
  country: string | null
  sector: string | null
  /** A non-state actor's own code (IGOUNO), for titles in it ("U.N. special envoy"). */
  code?: string | null
  name?: string | null
}

/** Distinct words kept in a stage's word cache before it starts afresh: far more than news vocabulary needs. */
const WORD_CACHE_MAX = 200_000

let firstNamesCache: Set<string> | undefined

/** Given names learned from the dictionaries' people (dictionaries/actors/first-names.txt). */
function loadFirstNames(): Set<string> {
  if (firstNamesCache) return firstNamesCache
  const path = fromRoot('dictionaries/actors/first-names.txt')
  // "Islamic" opens some dictionary person's name but never a person's name in running text
  firstNamesCache = new Set(existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#') && !NON_PERSON_WORDS.has(l)) : [])
  return firstNamesCache
}

function knownToEntry(k: KnownActor, i: number): ActorEntry {
  const split = k.code ? splitCode(k.code) : { country: null, sector: null }
  const country = k.country ?? split.country
  const sector = k.sector ?? split.sector
  const phrases = [k.name, ...(k.aliases ?? [])]
  // an outlet learned from earlier articles still only reports
  const media = sector === 'MED' && k.type === 'organization'
  return { name: k.name, type: k.type, phrases, roles: [{ code: k.code ?? `${country ?? ''}${sector ?? ''}`, country, sector }], origin: `known:${i}`, ...(media ? { role: 'media' as const } : {}) }
}

export function createActorStage(opts: ActorStageOptions = {}): Stage {
  const base = shippedDictionaries()
  const gaz = gazetteer()
  const userActors: ActorEntry[] = []
  const userAgents: AgentEntry[] = []
  if (opts.dictionaries) {
    const u = loadUserDictionaries(opts.dictionaries)
    userActors.push(...u.actors)
    userAgents.push(...u.agents)
  }
  // known actors first, so the user's own files (later) win for the same phrase
  const known = (opts.knownActors ?? []).map(knownToEntry)
  const overlay: CompiledDictionaries | null = userActors.length + userAgents.length + known.length > 0 ? compile([...known, ...userActors], userAgents) : null
  const knownPeople = known.filter((k) => k.type === 'person')
  const firstNames = loadFirstNames()
  /** Is a word of tokens [a, b) of the article being read one that rules out a person (Word.nonPerson)? */
  const hasNonPersonWord = (a: number, b: number) => {
    for (let t = a; t < b; t++) if (currentWords[t].nonPerson) return true
    return false
  }
  let currentNorms: string[] = []

  /** What the scan needs to know of a word, worked out once per distinct token text (see wordTable). */
  interface Word {
    text: string
    /** The dictionaries' key: normToken(text). */
    norm: string
    /** The first letter is a capital: names (actors, places) must start with one. */
    capital: boolean
    /** This word's tokenCode, tested against trie nodes' masks before probing their Maps. */
    code: number
    // The shipped dictionaries' trie nodes of phrases starting with this word, if any:
    actor: TrieNode | undefined
    place: TrieNode | undefined
    agent: TrieNode | undefined
    // What a phrase of this word alone gives, answered once per word (the one-word phrase is by far
    // the commonest match; its answer would otherwise cost the processor several cache misses each time):
    /** The actor the word alone names if its case fits (as `actorFrom` picks it), else null. */
    actorAlone: ActorEntry | null
    /** The country whose people this word names in the plural ("Albanians"), when no phrase starts with it. */
    pluralCountry: ActorEntry | null
    /** The agent the word alone is (as `agentFrom` picks it), else null. */
    agentAlone: AgentEntry | null
    /** Can a unit start here at all without a user dictionary? Most words cannot: the scan steps over them. */
    opens: boolean
    /** In NON_PERSON_WORDS, itself or less a plural s. */
    nonPerson: boolean
    /** In RELATIONAL, DEFINITE_HEADS, PERSON_HEADS: the scan asks of every word it stops at. */
    relational: boolean
    definiteHead: boolean
    personHead: boolean
    // What caseOk (dictionaries/phrase.ts) asks of a token's text, answered once per word (see caseFits):
    /** No capital letter and some lower-case one: `text.toLowerCase() === text && text.toUpperCase() !== text`. */
    lower: boolean
    /** `text === text.toUpperCase()`. */
    upper: boolean
    /** A word that stays lower case inside a name ("of", "al"). */
    nameFunction: boolean
    /** Starts with an ASCII lower-case letter. */
    startsLower: boolean
  }

  /** caseOk (dictionaries/phrase.ts) for one token, from its Word. */
  function fitsAlone(rule: CaseRule, w: Word): boolean {
    if (rule === CaseRule.Any) return true
    if (rule === CaseRule.Upper) return w.upper
    // digits and punctuation pass; a letter must be upper case unless it is a function word
    return !(w.lower && !w.nameFunction) && !w.startsLower
  }

  /**
   * The Word of a token text, made once per distinct text (wordTable below keeps them by the word):
   * news repeats its vocabulary, so lower-casing (costly: an article with a curly quote is a
   * two-byte string, which V8 lower-cases through ICU) and the dictionary probes run once per word,
   * and the key is one string whose hash later Set and Map probes reuse.
   */
  function makeWord(text: string): Word {
    const norm = normToken(text)
    const c0 = text.charCodeAt(0)
    // ASCII fast path; other scripts' capitals through the Unicode test
    const capital = c0 < 128 ? c0 >= 65 && c0 <= 90 : /^\p{Lu}/u.test(text)
    const actor = base.actorTrie.root(norm)
    const place = gaz.trie.root(norm)
    const agent = base.agentTrie.root(norm)
    // lower-case words open only agent phrases, relational nouns and "the council" (see scan)
    const relational = RELATIONAL.has(norm)
    const definiteHead = DEFINITE_HEADS.has(norm)
    const opens = capital || !!agent || relational || definiteHead
    const upperText = text.toUpperCase()
    const lower = text.toLowerCase() === text && upperText !== text
    const w: Word = { text, norm, capital, code: tokenCode(norm), actor, place, agent, actorAlone: null, agentAlone: null, pluralCountry: null, opens, nonPerson: NON_PERSON_WORDS.has(norm) || (norm.endsWith('s') && NON_PERSON_WORDS.has(norm.slice(0, -1))), relational, definiteHead, personHead: PERSON_HEADS.has(norm), lower, upper: upperText === text, nameFunction: NAME_FUNCTION_WORDS.has(norm), startsLower: c0 >= 97 && c0 <= 122 }
    // the last-loaded entry whose case fits wins, as in actorFrom
    const ids = actor?.ids
    if (ids) {
      for (let x = ids.length - 1; x >= 0 && !w.actorAlone; x--) if (fitsAlone(base.actorPhraseRule[ids[x]], w)) w.actorAlone = base.actors.get(base.actorPhraseEntry[ids[x]])
    }
    // The dictionaries list a people's demonym ("ALBANIAN", "UKRAINIAN") but rarely its plural, which
    // news uses for the people themselves ("ethnic Albanians demonstrated"); countryUnit then decides
    // whether the word really is a plural demonym of that country.
    if (!actor && capital && norm.length > 4 && norm.endsWith('s')) {
      const single = base.actorTrie.root(norm.slice(0, -1))?.ids
      const entry = single?.length ? base.actors.get(base.actorPhraseEntry[single[single.length - 1]]) : undefined
      if (entry?.type === 'country' && entry.roles.length > 0 && entry.roles[0].country) w.pluralCountry = entry
    }
    const agentIds = agent?.ids
    if (agentIds) w.agentAlone = base.agents[base.agentPhraseEntry[agentIds[agentIds.length - 1]]]
    return w
  }
  // The Words by word id, and what the per-token loop copies from them, in compact arrays of their
  // own so that loop does not visit each Word object (see WordTable)
  const wordById: Word[] = []
  const textById: string[] = []
  const normById: string[] = []
  const opensById: number[] = []
  const codeById: number[] = []
  const wordTable = new WordTable((text, id) => {
    const w = makeWord(text)
    wordById[id] = w
    textById[id] = text
    normById[id] = w.norm
    opensById[id] = w.opens ? 1 : 0
    codeById[id] = w.code
  }, WORD_CACHE_MAX)
  /** The Words of the article being read, by token. */
  let currentWords: Word[] = []
  // An article's token texts, keys and Words, by token: kept from one article to the next, since
  // arrays the length of every article were a sixth of the stage's allocation. Only `run` fills
  // them, and nothing keeps them past it. `buffered` is the length the last article filled.
  const textsBuffer: string[] = []
  const normsBuffer: string[] = []
  const wordsBuffer: Word[] = []
  /** 1 where a unit can start (Word.opens), by token. */
  const opensBuffer: number[] = []
  /** Word.code by token: a walk tests the next token's code without visiting its Word. */
  const codesBuffer: number[] = []
  let currentCodes: number[] = []
  let currentOpens: number[] = []
  let buffered = 0

  // Matches found by `walk`, shortest first: reused buffers, so matching allocates nothing.
  const matchEnds: number[] = []
  const matchIds: number[][] = []
  /** Records every phrase from `node` (the node of norms[i]) on, up to the sentence end; returns how many. */
  function walk(node: TrieNode | undefined, norms: string[], i: number, end: number): number {
    let n = 0
    for (let t = i + 1; node; t++) {
      if (node.ids) {
        matchEnds[n] = t
        matchIds[n++] = node.ids
      }
      if (t >= end || !node.next || !mayFollow(node, currentCodes[t])) break
      node = node.next.get(norms[t])
    }
    return n
  }

  /** Can a phrase from `node` (the node of token i) go on past token i? False means only the one-word phrase can match. */
  function goesOn(node: TrieNode, i: number, end: number): boolean {
    return node.next !== null && i + 1 < end && mayFollow(node, currentCodes[i + 1])
  }

  /** caseOk (dictionaries/phrase.ts) on the article's tokens, from the Words' answers instead of the texts. */
  function caseFits(rule: CaseRule, from: number, to: number): boolean {
    if (rule === CaseRule.Any) return true
    if (rule === CaseRule.Upper) {
      for (let i = from; i < to; i++) if (!currentWords[i].upper) return false
      return true
    }
    for (let i = from; i < to; i++) {
      const w = currentWords[i]
      // digits and punctuation pass; a letter must be upper case unless it is a function word
      if (w.lower && !w.nameFunction) return false
      if (i === from && w.startsLower) return false
    }
    return true
  }

  /** End (exclusive) of the phrase the last actorFrom/agentFrom/baseActorAt/baseAgentAt call found. */
  let matchEnd = 0

  /** Longest actor phrase at i whose case fits the text (its end in `matchEnd`); the last-loaded entry wins a tie. */
  function actorAt(d: CompiledDictionaries, norms: string[], i: number, end: number): ActorEntry | null {
    return i < end ? actorFrom(d, d.actorTrie.root(norms[i]), norms, i, end) : null
  }

  /** `actorAt` when the trie node of norms[i] (`first`) is already known. */
  function actorFrom(d: CompiledDictionaries, first: TrieNode | undefined, norms: string[], i: number, end: number): ActorEntry | null {
    for (let k = walk(first, norms, i, end) - 1; k >= 0; k--) {
      const b = matchEnds[k]
      const ids = matchIds[k]
      for (let x = ids.length - 1; x >= 0; x--) {
        if (caseFits(d.actorPhraseRule[ids[x]], i, b)) {
          matchEnd = b
          return d.actors.get(d.actorPhraseEntry[ids[x]])
        }
      }
    }
    return null
  }

  /** `actorAt` in the shipped dictionaries, answered from the Word when only its one-word phrase can match. */
  function baseActorAt(norms: string[], i: number, end: number): ActorEntry | null {
    const w = currentWords[i]
    if (!w.actor) return null
    if (goesOn(w.actor, i, end)) return actorFrom(base, w.actor, norms, i, end)
    matchEnd = i + 1
    return w.actorAlone
  }

  /** Longest agent phrase from `first`, the agent trie's node of norms[i] (its end in `matchEnd`). */
  function agentFrom(d: CompiledDictionaries, first: TrieNode | undefined, norms: string[], i: number, end: number): AgentEntry | null {
    const n = walk(first, norms, i, end)
    if (n === 0) return null
    const ids = matchIds[n - 1]
    matchEnd = matchEnds[n - 1]
    return d.agents[d.agentPhraseEntry[ids[ids.length - 1]]]
  }

  /** `agentFrom` in the shipped dictionaries, answered from the Word when only its one-word phrase can match. */
  function baseAgentAt(norms: string[], i: number, end: number): AgentEntry | null {
    const w = currentWords[i]
    if (!w.agent) return null
    if (goesOn(w.agent, i, end)) return agentFrom(base, w.agent, norms, i, end)
    matchEnd = i + 1
    return w.agentAlone
  }

  const stemsOf = new Map<string, string[]>()
  for (const [name, iso] of gaz.countryNames) {
    const list = stemsOf.get(iso) ?? []
    for (const w of name.split(' ')) if (w.length >= 4 && !['republic', 'united', 'islamic', 'democratic', 'people', "people's", 'state', 'states', 'kingdom', 'federation', 'federated', 'plurinational', 'bolivarian', 'socialist', 'arab'].includes(w)) list.push(w.slice(0, DEMONYM_STEM))
    stemsOf.set(iso, list)
  }
  function isDemonymOf(t: string, iso: string): boolean {
    if (IRREGULAR_DEMONYMS.has(t) || IRREGULAR_DEMONYMS.has(t.replace(/s$/, ''))) return true
    // a historic code ("SCG") has no current name in i18n: its English name gives the stems
    let stems = stemsOf.get(iso)
    if (!stems) {
      stems = (gaz.countryName(iso) ?? '').toLowerCase().split(' ').filter((w) => w.length >= 4).map((w) => w.slice(0, DEMONYM_STEM))
      stemsOf.set(iso, stems)
    }
    return stems.some((stem) => t.startsWith(stem))
  }

  function countryUnit(entry: ActorEntry, a: number, b: number, texts: string[], norms: string[], date: string | null): Unit {
    const role = resolveRole(entry.roles, date)
    let iso = role?.country ?? entry.roles[entry.roles.length - 1].country!
    // "SCGMNE": Montenegro inside Serbia and Montenegro; named by its own name it is still Montenegro
    const own = role?.code.length === 6 ? role.code.slice(3) : null
    if (own && own !== iso && entry.roles.some((r) => r.country === own)) iso = own
    const key = b - a === 1 ? norms[a] : norms.slice(a, b).join(' ')
    // "New York" and "Ontario" are listed under their countries: only real country names are countries
    if (gaz.countryNames.has(key)) return { k: 'country', a, b, iso, form: 'name', origin: entry.origin }
    // "South African", "North Koreans": a demonym of several words ends in one
    const t = norms[b - 1]
    // a demonym shares its country's stem ("Israeli"/Israel, "Afghan"/Afghanistan); "Ghazni" does not
    if (isDemonymOf(t, iso)) {
      if (DEMONYM_PLURAL.test(t) || (t.endsWith('s') && IRREGULAR_DEMONYMS.has(t.slice(0, -1)))) return { k: 'country', a, b, iso, form: 'plural', origin: entry.origin }
      if (DEMONYM.test(t) || IRREGULAR_DEMONYMS.has(t)) return { k: 'country', a, b, iso, form: 'demonym', origin: entry.origin }
    }
    // a province or town listed under its country (HELMAND -> AFG): a place in that country
    return { k: 'place', a, b, place: { name: texts.slice(a, b).join(' '), country: iso, lat: null, lon: null, kind: 'region' }, origin: entry.origin }
  }

  // The unit scan keeps at one token: the longest unit starting there, and its rank among
  // units of the same length. Kept here rather than in a closure per sentence.
  let best: Unit | null = null
  let bestRank = -1
  function consider(u: Unit, rank: number): void {
    if (!best || u.b > best.b || (u.b === best.b && rank > bestRank)) {
      best = u
      bestRank = rank
    }
  }

  /** "Refugee Agency", "Security Service": a capitalized agent word that opens an organization's name from token `from`. */
  function opensOrgName(texts: string[], norms: string[], toks: Doc['tokens'], from: number, te: number): boolean {
    let j = from
    while (j < te && isNameToken(texts, norms, toks, j) && !hasDictionaryStart(j, texts, norms, te)) j++
    return j > from && ORG_HEADS.has(norms[j - 1]) && !firstNames.has(norms[from])
  }

  function scan(doc: Doc, texts: string[], norms: string[], ts: number, te: number, date: string | null): Unit[] {
    const units: Unit[] = []
    const toks = doc.tokens
    let i = ts
    while (i < te) {
      if (currentOpens[i] === 0 && !overlay) {
        i++
        continue
      }
      const w = currentWords[i]
      best = null
      bestRank = -1
      const n = w.norm
      // names (actors, places) must start with a capital: lower-case words only open agent phrases
      const capital = w.capital
      if (overlay && capital) {
        const entry = actorAt(overlay, norms, i, te)
        if (entry) consider({ k: 'actor', a: i, b: matchEnd, entry, user: true }, 5)
      }
      if (overlay) {
        const entry = agentFrom(overlay, overlay.agentTrie.root(n), norms, i, te)
        if (entry) consider({ k: 'agent', a: i, b: matchEnd, sector: entry.sector, origin: entry.origin, relational: false }, 4)
      }
      if (capital && w.actor) {
        const entry = baseActorAt(norms, i, te)
        const b = matchEnd
        if (entry) {
          if (entry.type === 'country' && entry.roles.length > 0 && entry.roles[0].country) consider(countryUnit(entry, i, b, texts, norms, date), 2)
          // "Abdul Qadir Mumin" is not the dictionary's "Abdul Qadir": a name that goes on is someone else
          else if (!(entry.type === 'person' && b < te && isNameToken(texts, norms, toks, b) && toks[b].pos === 'PROPN' && !currentWords[b].place)) consider({ k: 'actor', a: i, b, entry, user: false }, 4)
        }
      } else if (capital && w.pluralCountry && norms[i - 1] !== 'ethnic') {
        // "ethnic Albanians" in Serbia are Serbia's: an ethnic group is not its namesake country's people
        const u = countryUnit(w.pluralCountry, i, i + 1, texts, norms, date)
        if (u.k === 'country' && u.form === 'plural') consider(u, 2)
      }
      if (capital && w.place) {
        // longest first
        for (let k = walk(w.place, norms, i, te) - 1; k >= 0; k--) {
          const b = matchEnds[k]
          // place names are proper nouns: "Gaza", never "gaza"
          if (caseFits(CaseRule.Capitalized, i, b)) {
            const place = gaz.places[matchIds[k][0]]
            // "Florence Parly", "Bello Matawalle": a city name that a name goes on from is a given name
            if (place.kind !== 'region' && b < te && isNameToken(texts, norms, toks, b) && toks[b].pos === 'PROPN' && !(currentWords[b].actor || currentWords[b].place || currentWords[b].agent)) break
            // hand-picked regions ("Gaza Strip") win over dictionary entries of the same words
            consider({ k: 'place', a: i, b, place, origin: `gazetteer:${place.kind}` }, place.kind === 'region' ? 6 : 3)
            break
          }
        }
      }
      const g = w.agent ? baseAgentAt(norms, i, te) : null
      if (g && !SILENT_SECTORS.has(g.sector)) consider({ k: 'agent', a: i, b: matchEnd, sector: g.sector, origin: g.origin, relational: RELATIONAL.has(norms[matchEnd - 1]) }, 1)
      else if (w.relational) consider({ k: 'agent', a: i, b: i + 1, sector: null, origin: 'relational', relational: true }, 0)
      // "the council": coreference may find which one
      else if (i > ts && w.definiteHead && norms[i - 1] === 'the') consider({ k: 'agent', a: i, b: i + 1, sector: null, origin: 'definite', relational: false }, 0)
      // "Refugee Agency", "Security Service": a capitalized agent word that opens an organization's name
      const u = best as Unit | null
      if (u && !(u.k === 'agent' && capital && i > ts && opensOrgName(texts, norms, toks, u.b, te))) {
        units.push(u)
        i = u.b
        continue
      }
      // "General Dave Goldfein": a title word before a name is a title, not part of the name
      if (w.personHead && i + 1 < te && isNameToken(texts, norms, toks, i + 1) && capital && !opensOrgName(texts, norms, toks, i + 1, te)) {
        units.push({ k: 'agent', a: i, b: i + 1, sector: TITLE_SECTORS[n] ?? null, origin: 'title-word', relational: false })
        i++
        continue
      }
      // a run of capitalized proper nouns no dictionary knows
      if (isNameStart(texts, norms, toks, i, ts)) {
        let b = i + 1
        while (b < te) {
          // "Former French ...": a word the dictionaries know (a country, an organization) ends the name
          if (hasDictionaryStart(b, texts, norms, te)) break
          // "Zamfara State Governor Bello Matawalle": a title word ends one name and opens the next
          if (PERSON_HEADS.has(norms[b]) && b + 1 < te && isNameToken(texts, norms, toks, b + 1)) break
          if (isNameToken(texts, norms, toks, b)) b++
          else if (NAME_CONNECTORS.has(norms[b]) && b + 1 < te && isNameToken(texts, norms, toks, b + 1)) b += 2
          // "al-Sudani", "bin-Salman": two connectors, then the name goes on
          else if (NAME_CONNECTORS.has(norms[b]) && b + 2 < te && NAME_CONNECTORS.has(norms[b + 1]) && isNameToken(texts, norms, toks, b + 2) && toks[b + 2].start === toks[b + 1].end) b += 3
          else break
        }
        const honorific = i > ts && HONORIFICS.has(norms[i - 1])
        units.push({ k: 'name', a: i, b, honorific })
        i = b
        continue
      }
      i++
    }
    return units
  }

  /** "former president X", "ex-President X": the person no longer holds the office. */
  function formerBefore(a: number, ts: number): boolean {
    for (let t = a - 1; t >= ts && t >= a - 3; t--) {
      const w = currentNorms[t]
      if (w === 'former' || w === 'ex' || w === 'ex-' || w.startsWith('ex-')) return true
      // "Former Socialist prime minister": a party word may stand between, punctuation may not
      if (!/^[\p{L}-]+$/u.test(w)) break
    }
    return false
  }

  let deletions: Map<string, string[]> | null = null
  /** Dictionary surnames within one insertion, deletion or substitution of w (symmetric-delete index, built on first use). */
  function nearSurnames(w: string): Array<[number, string, number]> | undefined {
    // a pure function of the word and the shipped dictionaries, and a string-heavy one: kept per word
    if (nearCache.has(w)) return nearCache.get(w)
    if (nearCache.size >= WORD_CACHE_MAX) nearCache.clear()
    const near = nearSurnamesOf(w)
    nearCache.set(w, near)
    return near
  }
  const nearCache = new Map<string, Array<[number, string, number]> | undefined>()
  function nearSurnamesOf(w: string): Array<[number, string, number]> | undefined {
    if (!deletions) {
      deletions = new Map()
      for (const key of base.surnames.keys()) {
        if (key.length < MIN_FUZZY_SURNAME - 1) continue
        for (let k = 0; k < key.length; k++) {
          const d = key.slice(0, k) + key.slice(k + 1)
          const l = deletions.get(d)
          if (l) l.push(key)
          else deletions.set(d, [key])
        }
      }
    }
    const found = new Set<string>()
    // w itself may be a deletion of a key (a letter dropped), or w less one letter a key or a key's deletion
    for (const k of deletions.get(w) ?? []) found.add(k)
    for (let k = 0; k < w.length; k++) {
      const d = w.slice(0, k) + w.slice(k + 1)
      if (base.surnames.has(d)) found.add(d)
      for (const x of deletions.get(d) ?? []) if (x.length === w.length) found.add(x)
    }
    // several near spellings ("gbagbo", "gago") go on together: the given name, office, date and country decide
    if (found.size === 0 || found.size > MAX_NEAR_SURNAMES) return undefined
    return [...found].flatMap((k) => base.surnames.get(k)!)
  }

  /**
   * The dictionary person a name no phrase matched stands for: given name and surname as in one
   * entry ("Carlos Menem" / "Carlos Saul Menem"), or a bare surname after a title ("President
   * Kagame") when exactly one country's person of that surname holds the title's sector on the
   * date (else, held it at some time). Two countries' candidates leave the name unresolved.
   */
  function personByName(norms: string[], a: number, b: number, sector: string | null, date: string | null): { entry: ActorEntry; role: Role } | null {
    let list = base.surnames.get(norms[b - 1])
    // "President Laurent Gbago": after a title, a surname one letter off the dictionary's spelling
    if (!list && sector && norms[b - 1].length >= MIN_FUZZY_SURNAME) list = nearSurnames(norms[b - 1])
    if (!list) return null
    const first = b - a >= 2 ? norms[a] : null
    // a bare surname needs a title to say it is a person of that standing, and enough letters not to be
    // a given name of a name written family-name first ("Lai" of "Liow Tiong Lai")
    if (!first && (!sector || norms[b - 1].length < MIN_BARE_SURNAME)) return null
    const weight = new Map<number, number>()
    for (const [i, f, w] of list) if (!first || f === first) weight.set(i, w)
    if (weight.size === 0) return null
    if (weight.size > MAX_SURNAME_CANDIDATES) return null
    const entries = [...weight.keys()].map((i) => base.actors.get(i))
    const weightOf = new Map(entries.map((e, k) => [e, weight.get([...weight.keys()][k])!]))
    const day = date ? date.slice(0, 10) : null
    const holds = (r: Role, dated: boolean) => (!sector || r.sector === sector) && (!dated || ((r.from || r.to) && (!day || ((!r.from || r.from <= day) && (!r.to || day <= r.to)))))
    for (const dated of [true, false]) {
      let fit = entries.filter((e) => e.roles.some((r) => r.country && holds(r, dated)))
      const countryOf = (e: ActorEntry) => e.roles.find((r) => r.country && holds(r, dated))!.country
      if (new Set(fit.map(countryOf)).size > 1) {
        // "the Bush administration": one much-spelled person outweighs a namesake the news rarely names
        const sorted = [...fit].sort((x, y) => weightOf.get(y)! - weightOf.get(x)!)
        const top = countryOf(sorted[0])
        const rival = Math.max(0, ...fit.filter((e) => countryOf(e) !== top).map((e) => weightOf.get(e)!))
        if (weightOf.get(sorted[0])! < PROMINENCE_RATIO * rival) return null
        fit = sorted.filter((e) => countryOf(e) === top)
      }
      if (fit.length > 0) {
        const e = fit[0]
        const r = resolveRole(e.roles, date) ?? e.roles.find((x) => x.country)!
        const role = r.country ? r : e.roles.find((x) => x.country)!
        return { entry: e, role }
      }
      // a given name and surname that match need no office to agree
      if (first && !sector) break
    }
    if (first && !sector) {
      const countries = new Set(entries.map((e) => e.roles.find((r) => r.country)?.country ?? null))
      if (countries.size === 1 && !countries.has(null)) {
        const e = entries[0]
        const r = resolveRole(e.roles, date)
        return { entry: e, role: r?.country ? r : e.roles.find((x) => x.country)! }
      }
    }
    return null
  }

  function hasDictionaryStart(i: number, texts: string[], norms: string[], te: number): boolean {
    const entry = i < te ? baseActorAt(norms, i, te) : null
    return !!entry && entry.type !== 'person'
  }

  function isNameToken(texts: string[], norms: string[], toks: Doc['tokens'], i: number): boolean {
    if (!currentWords[i].capital) return false
    if (NOT_NAMES.has(norms[i])) return false
    // the tagger calls some capitalized names verbs ("the Hoover Institution"): only function words are out
    return !FUNCTION_POS.has(toks[i].pos)
  }

  function isNameStart(texts: string[], norms: string[], toks: Doc['tokens'], i: number, ts: number): boolean {
    if (!isNameToken(texts, norms, toks, i)) return false
    // a capitalized first word of a sentence is a name only if the tagger says so
    if (i === ts) return toks[i].pos === 'PROPN'
    return true
  }

  return {
    name: 'actors',
    requires: ['sentences', 'tokens'],
    assigns: ['mentions'],
    run(doc: Doc) {
      const text = doc.article.text
      const date = doc.article.published ?? null
      const toks = doc.tokens
      // wink's normal form is not the dictionaries' key: it respells ("vice" -> "vise", "Organisations" ->
      // "organizations", "'s" -> "is") and keeps some capitals; the key is the lower-cased text with
      // curly apostrophes straightened (normToken), looked up per word (see wordTable)
      const texts = textsBuffer
      const norms = (currentNorms = normsBuffer)
      const words = (currentWords = wordsBuffer)
      const opens = (currentOpens = opensBuffer)
      const codes = (currentCodes = codesBuffer)
      for (let k = 0; k < toks.length; k++) {
        const id = wordTable.id(text, toks[k].start, toks[k].end)
        words[k] = wordById[id]
        texts[k] = textById[id]
        norms[k] = normById[id]
        opens[k] = opensById[id]
        codes[k] = codeById[id]
      }
      // what a longer article left past this one's end reads as nothing, as in a fresh array
      for (let k = toks.length; k < buffered; k++) {
        words[k] = undefined!
        texts[k] = undefined!
        norms[k] = undefined!
        opens[k] = 0
        codes[k] = 0
      }
      buffered = toks.length
      const mentions: Mention[] = []
      const pending: PendingName[] = []
      const titleKeys = new Map<Mention, string>()
      const unconfirmed: Mention[] = []

      const span = (a: number, b: number) => ({ text: text.slice(toks[a].start, toks[b - 1].end), start: toks[a].start, end: toks[b - 1].end })
      const codeOf = (country: string | null, sector: string | null) => (country ? country + (sector ?? '') : null)
      const countryName = (iso: string) => gaz.countryName(iso) ?? iso

      // The sentence being read and its units. The helpers below are made once per article, not per
      // sentence: they read these, which the sentence loop sets.
      let s: Sentence = doc.sentences[0]
      let units: Unit[] = []
      /** Units an earlier unit of the sentence took in; one Set for the article, emptied per sentence. */
      const used = new Set<Unit>()
      /** Sector a title right before a dictionary person gives ("Vice President X"). */
      // (made when a sentence first needs it: most never do)
      let titleOf: Map<Unit, string | null> | null = null
      // token -> unit covering it, so title tails look units up in constant time (long sentences stay linear)
      let cover: Array<Unit | undefined> | null = null
      const unitAt = (t: number) => {
        // built on first use: most sentences never need it
        if (!cover) {
          cover = new Array(s.tokenEnd - s.tokenStart)
          for (const x of units) for (let k = x.a; k < x.b; k++) cover[k - s.tokenStart] = x
        }
        return cover[t - s.tokenStart]
      }
      /**
       * "League" + "for the Promotion and Defense of Human Rights": an organization's name goes on
       * through of/for/the/and when capitalized words follow. Returns the new end token.
       */
      const orgTail = (b: number): number => {
        let end = b
        while (end < s.tokenEnd && end - b < MAX_ORG_TAIL) {
          let c = end
          while (c < s.tokenEnd && c - end < 2 && ORG_CONNECTORS.has(norms[c])) c++
          if (c === end || c >= s.tokenEnd) break
          const x = unitAt(c)
          const capital = /^\p{Lu}/u.test(texts[c])
          if (!capital || (x && (x.a !== c || (x.k !== 'name' && x.k !== 'agent') || (x.k === 'name' && firstNames.has(norms[x.a]))))) break
          if (!x && !isNameToken(texts, norms, toks, c)) break
          let e = x ? x.b : c + 1
          while (e < s.tokenEnd && !unitAt(e) && isNameToken(texts, norms, toks, e)) e++
          if (x) used.add(x)
          end = e
        }
        return end
      }
      const emit = (a: number, b: number, m: Omit<Mention, 'text' | 'start' | 'end' | 'sentence'>) => {
        // one fixed shape for every mention: spreads of differently shaped objects are slow
        const start = toks[a].start
        const end = toks[b - 1].end
        const mm: Mention = { text: text.slice(start, end), start, end, name: m.name, type: m.type, country: m.country, sector: m.sector, code: m.code, sentence: s.index, origin: m.origin, acts: m.acts, role: m.role }
        if (m.place) mm.place = m.place
        mentions.push(mm)
        return mm
      }
      /** What a unit says about an actor's country and sector, if anything. */
      const affiliationOf = (u: Unit): Affiliation | null => {
        if (u.k === 'country') return { country: u.iso, sector: null }
        if (u.k === 'actor' && u.entry.role !== 'media') {
          const r = resolveRole(u.entry.roles, date)
          return { country: r?.country ?? null, sector: r?.sector ?? null, name: u.entry.name, code: r?.country ? null : r?.code ?? null }
        }
        if (u.k === 'place' && u.place.kind === 'capital') return { country: u.place.country, sector: 'GOV' }
        // "the Bush administration", "Suharto's government": a leader's surname stands for the government he led
        if (u.k === 'name' && u.b - u.a <= 2) {
          const t = norms[u.b] === "'s" || norms[u.b] === "'" ? u.b + 1 : u.b
          if (t < s.tokenEnd && GOVERNING_HEADS.has(norms[t])) {
            const p = personByName(norms, u.a, u.b, 'GOV', date)
            if (p?.role.country) return { country: p.role.country, sector: 'GOV' }
          }
        }
        return null
      }
      const next = (x: number) => units[x]
      /** Skips title modifiers and determiners between token a (inclusive) and b (exclusive); true if only those lie there. */
      const onlyModifiers = (a: number, b: number) => {
        for (let t = a; t < b; t++) {
          if (TITLE_MODIFIERS.has(norms[t]) || DETERMINERS.has(norms[t]) || toks[t].pos === 'ADJ') continue
          // "White House press secretary", "Iran's oil minister": a lower-case noun modifying the title
          if (toks[t].pos === 'NOUN' && texts[t] === norms[t]) continue
          return false
        }
        return true
      }
      /** After an agent ending at token b: "of/for/from [the] X" gives X's affiliation. */
      const relationAfter = (ui: number, b: number): { aff: Affiliation; unit: number; end: number } | null => {
        if (b >= s.tokenEnd || !['of', 'for', 'from', 'to'].includes(norms[b])) return null
        const nu = next(ui + 1)
        if (!nu) return null
        let t = b + 1
        while (t < nu.a && (DETERMINERS.has(norms[t]) || TITLE_MODIFIERS.has(norms[t]) || toks[t].pos === 'ADJ')) t++
        if (t !== nu.a) return null
        const aff = affiliationOf(nu)
        if (!aff) return null
        let end = nu.b
        // "the head of the Hamas delegation": the group noun after the actor belongs to the phrase
        const after = next(ui + 2)
        if (after && after.k === 'agent' && after.a === nu.b) end = after.b
        return { aff, unit: ui + 1, end }
      }
      const typeOfTitle = (headNorm: string, phrase?: string[]): EntityType => {
        // "chief of staff": the person noun need not come last
        if (phrase && phrase.length > 1 && phrase.slice(0, -1).some((w) => PERSON_HEADS.has(w)) && phrase.includes('of')) return 'person'
        if (ORG_HEADS.has(headNorm) || PUBLICATIONS.has(headNorm)) return 'organization'
        if (PERSON_HEADS.has(headNorm)) return 'person'
        // writer, negotiator, activist, politician, chairman: nouns for a person
        if (PERSON_SUFFIX.test(headNorm)) return 'person'
        // a plural of a person noun ("ministers", "rebels") is a group; a mass noun an organization
        if (GROUP_HEADS.test(headNorm)) return 'group'
        return 'organization'
      }

      /**
       * "X, [the|a] [modifiers] AGENT [of|for Y]" or "X, [the] Y's AGENT": the affiliation an
       * apposition gives the person X (units[ui]); `consumed` are the title's units.
       */
      const apposition = (ui: number): { aff: Affiliation; sector: string | null; key: string; consumed: Unit[] } | null => {
        const u = units[ui]
        const nu = next(ui + 1)
        if (!nu || u.b >= s.tokenEnd || norms[u.b] !== ',') return null
        if (nu.k === 'agent' && onlyModifiers(u.b + 1, nu.a)) {
          const rel = relationAfter(ui + 1, nu.b)
          const aff = rel?.aff ?? { country: null, sector: null }
          const consumed: Unit[] = [nu]
          // a country named only to say whose minister this is does not act itself
          if (rel && units[rel.unit].k === 'country') consumed.push(units[rel.unit])
          if (rel && rel.end > units[rel.unit].b) consumed.push(next(rel.unit + 1))
          return { aff, sector: nu.relational ? aff.sector ?? nu.sector : nu.sector ?? aff.sector, key: `${aff.country}|${norms.slice(nu.a, nu.b).join(' ')}`, consumed }
        }
        const headU = next(ui + 2)
        if (headU && headU.k === 'agent' && nu.k !== 'agent' && nu.k !== 'name' && onlyModifiers(u.b + 1, nu.a) && (headU.a === nu.b || (norms[nu.b] === "'s" && headU.a === nu.b + 1))) {
          const aff = affiliationOf(nu)
          if (aff) return { aff, sector: headU.relational ? aff.sector ?? headU.sector : headU.sector ?? aff.sector, key: `${aff.country}|${norms.slice(headU.a, headU.b).join(' ')}`, consumed: [nu, headU] }
        }
        return null
      }

      for (const sentence of doc.sentences) {
        s = sentence
        units = scan(doc, texts, norms, s.tokenStart, s.tokenEnd, date)
        if (units.length === 0) continue
        if (used.size > 0) used.clear()
        titleOf = null
        cover = null
        for (let ui = 0; ui < units.length; ui++) {
          const u = units[ui]
          if (used.has(u)) continue
          // 1. [country|actor]['s] [modifiers] AGENT ...: "Iran's Deputy Foreign Minister", "the Israeli Foreign Ministry"
          const nu = next(ui + 1)
          // (asked only before an agent: it allocates, and a name's asks the surname index)
          const aff0 = nu && nu.k === 'agent' && (u.k !== 'country' || u.form !== 'plural') ? affiliationOf(u) : null
          if (aff0 && nu && nu.k === 'agent' && (u.k !== 'country' || u.form !== 'plural')) {
            let t = u.b
            if (t < nu.a && (norms[t] === "'s" || norms[t] === "'")) t++
            // "Iran's oil minister", not "designated the BLA a terrorist group"
            if (onlyModifiers(t, nu.a) && nu.a - t <= 2 && !norms.slice(t, nu.a).some((w) => DETERMINERS.has(w))) {
              const agentSector = nu.sector
              let end = nu.b
              // "for Political Affairs", "of Armed Forces": a title's tail
              if (end < s.tokenEnd && (norms[end] === 'for' || norms[end] === 'of') && !ORG_HEADS.has(norms[nu.b - 1])) {
                let e = end + 1
                while (e < s.tokenEnd && e - end <= MAX_TITLE_TAIL && (toks[e].pos === 'NOUN' || toks[e].pos === 'ADJ' || toks[e].pos === 'PROPN' || norms[e] === 'and')) {
                  const at = unitAt(e)
                  // a name that starts with a given name is the title's holder, not its tail
                  if (at && (at.k === 'name' ? firstNames.has(norms[at.a]) || at.b > s.tokenEnd : at.k !== 'agent')) break
                  e = at ? at.b : e + 1
                }
                // "of Russia" (a country) is a relation, handled elsewhere; a tail ends on a word
                if (e > end + 1 && norms[e - 1] !== 'and') {
                  end = e
                  for (let t = nu.b; t < end; t++) {
                    const x = unitAt(t)
                    if (x && (x.k === 'name' || x.k === 'agent') && x.a >= nu.b && x.b <= end) used.add(x)
                  }
                }
              }
              let after = ui + 2
              while (after < units.length && units[after].a < end) after++
              const media = units[after]
              if (media && media.k === 'actor' && media.entry.role === 'media' && media.a === end) {
                // "the Russian state news agency Tass": the outlet, with its description
                const r = resolveRole(media.entry.roles, date)
                emit(u.a, media.b, { name: media.entry.name, type: 'organization', country: r?.country ?? aff0.country, sector: 'MED', code: codeOf(r?.country ?? aff0.country, 'MED'), origin: media.entry.origin, acts: false, role: 'media' })
                used.add(u).add(nu).add(media)
                continue
              }
              // "ambassador to": the head noun comes before a trailing preposition
              let hb = nu.b - 1
              while (hb > nu.a && TITLE_PREPOSITIONS.has(norms[hb])) hb--
              const head = norms[hb]
              const type = typeOfTitle(head, norms.slice(nu.a, hb + 1))
              // inside an IGO or NGO the organization's sector holds ("U.N. special envoy" is IGO, not GOV)
              const nonState = !aff0.country && (aff0.sector === 'IGO' || aff0.sector === 'NGO')
              const sector = nonState || nu.relational ? aff0.sector ?? agentSector : agentSector ?? aff0.sector
              const country = aff0.country
              const titleCode = nonState ? aff0.code ?? aff0.sector : codeOf(country, sector)
              const titleKey = `${country}|${norms.slice(nu.a, nu.b).join(' ')}`
              // "…, Ali Bagheri Kani": the title names a person in apposition, or directly ("Foreign Minister Sergei Lavrov")
              let nm = units[after]
              // "Somalia's ambassador to Kenya, Mohamud Ahmed Nur": the host country sits between title and name
              if (nm && (nm.k === 'country' || nm.k === 'place') && (norms[nu.b - 1] === 'to' || ((norms[end] === 'to' || norms[end] === 'in') && nm.a === end + 1)) && units[after + 1] && norms[nm.b] === ',' && units[after + 1].a === nm.b + 1) {
                end = nm.b
                after++
                nm = units[after]
              }
              let adjacent = nm && (nm.a === end || (norms[end] === ',' && nm.a === end + 1))
              // "Chief of Staff, General Dave Goldfein": a second title word before the name
              if (adjacent && nm.k === 'agent' && nm.origin === 'title-word' && units[after + 1]?.a === nm.b) {
                used.add(nm)
                nm = units[after + 1]
              }
              /** "U.N." in "U.N. Secretary-General X": a stateless organization named only as someone's employer. */
              const employer = () => {
                if (u.k === 'actor' && !aff0.country) {
                  const r = resolveRole(u.entry.roles, date)
                  emit(u.a, u.b, { name: u.entry.name, type: u.entry.type, country: null, sector: r?.sector ?? null, code: r?.code ?? null, origin: `${u.entry.origin}:employer`, acts: false, role: 'actor' })
                }
              }
              if (type === 'person' && adjacent && nm.k === 'actor' && nm.entry.type === 'person') {
                // "U.N. Secretary-General Antonio Guterres": the dictionary knows the holder
                employer()
                used.add(u).add(nu)
                continue
              }
              if (type === 'person' && adjacent && nm.k === 'name' && nm.b - nm.a >= 2) {
                const name = text.slice(toks[nm.a].start, toks[nm.b - 1].end)
                employer()
                const mm = emit(nm.a, nm.b, { name, type: 'person', country, sector, code: titleCode, origin: `title:${nu.origin}`, acts: true, role: 'actor' })
                titleKeys.set(mm, titleKey)
                used.add(u).add(nu).add(nm)
                continue
              }
              const orgName = type === 'organization' ? text.slice(toks[u.a].start, toks[end - 1].end).replace(/[’']s\b/, '') : null
              // "Hamas representatives", "the Hamas delegation" stand for Hamas; "a Hamas spokesman" is an unnamed person
              const standsFor = type === 'group' && aff0.name && u.k === 'actor' && u.entry.type !== 'person'
              const titleName = standsFor ? aff0.name! : aff0.name && nu.relational ? null : orgName
              const mm = emit(u.a, end, { name: titleName, type: standsFor ? 'organization' : type, country, sector, code: titleCode, origin: `title:${nu.origin}`, acts: true, role: 'actor' })
              if (type === 'person') titleKeys.set(mm, titleKey)
              used.add(u).add(nu)
              continue
            }
          }
          // "Secretary of State Marco Rubio": a dictionary office right before its holder is a title
          if (u.k === 'actor' && u.entry.type !== 'person' && nu && nu.a === u.b && norms.slice(u.a, u.b).some((w) => PERSON_HEADS.has(w))) {
            const r = resolveRole(u.entry.roles, date)
            if (nu.k === 'actor' && nu.entry.type === 'person') {
              used.add(u)
              continue
            }
            if (nu.k === 'name' && nu.b - nu.a >= 2 && nu.b - nu.a <= MAX_PERSON_TOKENS && !ORG_HEADS.has(norms[nu.b - 1])) {
              const name = text.slice(toks[nu.a].start, toks[nu.b - 1].end)
              emit(nu.a, nu.b, { name, type: 'person', country: r?.country ?? null, sector: r?.sector ?? null, code: r?.code ?? null, origin: `title:${u.entry.origin}`, acts: true, role: 'actor' })
              used.add(u).add(nu)
              continue
            }
          }
          // "General Dave Goldfein", "Foreign Minister Sergei Lavrov": a title right before a name
          if (u.k === 'agent' && nu && nu.a === u.b && !u.relational && typeOfTitle(norms[u.b - 1]) === 'person') {
            // "Lt. Gen. Prosper Avril", "Brig. Gen. X": a rank of several words is one title; the last word names the person
            if (nu.k === 'agent' && !nu.relational && norms[u.b - 1].endsWith('.') && typeOfTitle(norms[nu.b - 1]) === 'person') {
              used.add(u)
              continue
            }
            if (nu.k === 'actor' && nu.entry.type === 'person') {
              // "Vice President Moody Awori" when his dictionary roles cover other years: the title still says what he is
              titleOf ??= new Map()
              titleOf.set(nu, formerBefore(u.a, s.tokenStart) ? 'ELI' : u.sector)
              used.add(u)
              continue
            }
            if (nu.k === 'name' && !ORG_HEADS.has(norms[nu.b - 1]) && nu.b - nu.a <= MAX_PERSON_TOKENS) {
              const name = text.slice(toks[nu.a].start, toks[nu.b - 1].end)
              // "President Mugabe", "former president Carlos Menem": the one dictionary person of that name
              const known = personByName(norms, nu.a, nu.b, u.sector, date)
              if (known) {
                const sector = formerBefore(u.a, s.tokenStart) ? 'ELI' : u.sector ?? known.role.sector
                emit(nu.a, nu.b, { name: known.entry.name, type: 'person', country: known.role.country, sector, code: codeOf(known.role.country, sector), origin: `title:${u.origin}+surname:${known.entry.origin}`, acts: true, role: 'actor' })
                used.add(u).add(nu)
                continue
              }
              emit(nu.a, nu.b, { name, type: 'person', country: null, sector: u.sector, code: null, origin: `title:${u.origin}`, acts: true, role: 'actor' })
              used.add(u).add(nu)
              continue
            }
          }
          // "Syrian Democratic Forces", "Iranian Red Crescent Society": a nation's named organization
          // "U.N. Refugee Agency": an organization's named part is that organization's
          if (u.k === 'actor' && u.entry.type === 'organization' && u.entry.role !== 'media' && nu && nu.k === 'name' && nu.a === u.b && ORG_HEADS.has(norms[nu.b - 1]) && !firstNames.has(norms[nu.a])) {
            const r = resolveRole(u.entry.roles, date)
            const end = orgTail(nu.b)
            emit(u.a, end, { name: text.slice(toks[u.a].start, toks[end - 1].end), type: 'organization', country: r?.country ?? null, sector: r?.sector ?? null, code: r?.code ?? null, origin: `${u.entry.origin}+propn:organization`, acts: true, role: 'actor' })
            used.add(u).add(nu)
            continue
          }
          const homeCountry = u.k === 'country' && u.form !== 'plural' ? u.iso : u.k === 'place' && u.place.kind !== 'region' ? u.place.country : null
          if (homeCountry && nu && nu.k === 'name' && nu.a === u.b && (ORG_HEADS.has(norms[nu.b - 1]) || MEDIA_HEADS.has(norms[nu.b - 1])) && !firstNames.has(norms[nu.a])) {
            // "The Phnom Penh Post", "The Cambodia Daily": a newspaper reports, it does not act
            const media = MEDIA_HEADS.has(norms[nu.b - 1])
            const a0 = media && u.a > s.tokenStart && texts[u.a - 1] === 'The' ? u.a - 1 : u.a
            const origin = `${u.k === 'country' || u.k === 'place' ? u.origin : 'propn'}+propn:${media ? 'media' : 'organization'}`
            const end = media ? nu.b : orgTail(nu.b)
            emit(a0, end, { name: text.slice(toks[a0].start, toks[end - 1].end), type: 'organization', country: homeCountry, sector: media ? 'MED' : null, code: media ? homeCountry + 'MED' : homeCountry, origin, acts: !media, role: media ? 'media' : 'actor' })
            used.add(u).add(nu)
            continue
          }
          // 2. Name, [the|a] [modifiers] AGENT [of|for X]: "Mikhail Bogdanov, the deputy foreign minister of Russia"
          if (u.k === 'name') {
            const len = u.b - u.a
            const name = text.slice(toks[u.a].start, toks[u.b - 1].end)
            const appo = apposition(ui)
            const last = norms[u.b - 1]
            let known: { entry: ActorEntry; role: Role } | null = null
            const isOrg = (ORG_HEADS.has(last) || (last.endsWith('s') && ORG_HEADS.has(last.slice(0, -1)))) && !firstNames.has(norms[u.a])
            if (appo && !isOrg && len <= MAX_PERSON_TOKENS) {
              const mm = emit(u.a, u.b, { name, type: 'person', country: appo.aff.country, sector: appo.sector, code: codeOf(appo.aff.country, appo.sector), origin: 'apposition', acts: true, role: 'actor' })
              titleKeys.set(mm, appo.key)
              used.add(u)
              for (const x of appo.consumed) used.add(x)
              continue
            }
            let shouting = len > 1
            for (let t = u.a; t < u.b && shouting; t++) if (texts[t].length < 4 || !currentWords[t].upper) shouting = false
            if (THING_HEADS.has(last) || shouting) {
              // a treaty or a holiday is neither an actor nor a place; an all-capitals run is a heading
            } else if ((PLACE_HEADS.has(last) || (last.endsWith('s') && PLACE_HEADS.has(last.slice(0, -1)))) && len > 1) {
              // "Zamfara State", "Deh Yak district": a named place the gazetteer does not know
              const place: Place = { text: name, name, country: null, lat: null, lon: null }
              emit(u.a, u.b, { name, type: 'place', country: null, sector: null, code: null, origin: 'propn:place', acts: false, role: 'place', place })
            } else if (isOrg) {
              // a lone capitalized "Department" or "Center" is a fragment, not a name; "the Senate" is one
              const end = orgTail(u.b)
              const full = text.slice(toks[u.a].start, toks[end - 1].end)
              if (end - u.a > 1 || INSTITUTIONS.has(last)) emit(u.a, end, { name: full, type: 'organization', country: null, sector: null, code: null, origin: 'propn:organization', acts: true, role: 'actor' })
            } else if (len >= 2 && len <= MAX_PERSON_TOKENS && !hasNonPersonWord(u.a, u.b) && (known = personByName(norms, u.a, u.b, null, date))) {
              // "Omar El Bashir" for the dictionary's "Omar Hassan Ahmad al Bashir": same given name and surname
              emit(u.a, u.b, { name: known.entry.name, type: 'person', country: known.role.country, sector: known.role.sector, code: known.role.code, origin: `surname:${known.entry.origin}`, acts: true, role: 'actor' })
            } else if (len >= 2 && len <= MAX_PERSON_TOKENS && (u.honorific || firstNames.has(norms[u.a]))) {
              emit(u.a, u.b, { name, type: 'person', country: null, sector: null, code: null, origin: u.honorific ? 'propn:honorific' : 'propn:given-name', acts: true, role: 'actor' })
            } else if (len >= 2 && len <= MAX_PERSON_TOKENS && !hasNonPersonWord(u.a, u.b)) {
              // no given name we know: a person only if the article treats it as one (speaks, or is named by surname later)
              let speaks = u.a > s.tokenStart + 1 && (SPEECH.has(norms[u.a - 1]) || (norms[u.a - 1] === 'to' && norms[u.a - 2] === 'according'))
              for (let t = u.b; !speaks && t < Math.min(s.tokenEnd, u.b + SPEECH_WINDOW + 1); t++) if (SPEECH.has(norms[t])) speaks = true
              const mm = emit(u.a, u.b, { name, type: 'person', country: null, sector: null, code: null, origin: 'propn:person', acts: true, role: 'actor' })
              if (!speaks) unconfirmed.push(mm)
            } else if (len === 1) {
              pending.push({ sentence: s.index, start: toks[u.a].start, end: toks[u.a].end, text: name, norm: norms[u.a] })
            }
            used.add(u)
            continue
          }
          // 3. A unit on its own.
          const prev = u.a > s.tokenStart ? norms[u.a - 1] : ''
          if (u.k === 'actor') {
            let r = resolveRole(u.entry.roles, date)
            const media = u.entry.role === 'media'
            if (u.entry.type === 'person') {
              // "Volodymyr Zelenskyy, the Jewish president of Ukraine": the title is about him, not a second actor
              const appo = apposition(ui)
              if (appo) {
                for (const x of appo.consumed) used.add(x)
                if (!r?.country && appo.aff.country) r = { code: codeOf(appo.aff.country, appo.sector)!, country: appo.aff.country, sector: appo.sector }
              }
              const ts = titleOf?.get(u)
              // "former president Carlos Saul Menem" is an ex-leader whatever the date; a title fills a missing sector
              if (r?.country && ts && (ts === 'ELI' || !r.sector)) r = { code: codeOf(r.country, ts)!, country: r.country, sector: ts }
            }
            emit(u.a, u.b, { name: u.entry.name, type: u.entry.type === 'country' ? 'country' : u.entry.type, country: r?.country ?? null, sector: r?.sector ?? null, code: r?.code ?? null, origin: u.entry.origin, acts: !media, role: media ? 'media' : 'actor' })
          } else if (u.k === 'country') {
            const name = countryName(u.iso)
            if (u.form === 'name' && LOCATIVE.has(prev)) {
              const pt = gaz.countryPoint(u.iso)
              const place: Place = { text: span(u.a, u.b).text, name, country: u.iso, lat: pt?.lat ?? null, lon: pt?.lon ?? null }
              emit(u.a, u.b, { name, type: 'place', country: u.iso, sector: null, code: null, origin: u.origin, acts: false, role: 'place', place })
            } else {
              const type: EntityType = u.form === 'plural' ? 'group' : 'country'
              // an adjective ("Israeli") names a country without making it act
              emit(u.a, u.b, { name, type, country: u.iso, sector: null, code: u.iso, origin: `${u.origin}${u.form === 'name' ? '' : ':' + u.form}`, acts: u.form !== 'demonym', role: 'actor' })
            }
          } else if (u.k === 'place') {
            const p = u.place
            // "the southern regional capital Juba": a city named as a capital is the place itself
            const locative = LOCATIVE.has(prev) || (p.kind !== 'region' && CITY_LOCATIVE_EXTRA.has(prev)) || prev === 'capital'
            if (p.kind === 'capital' && !locative && p.country) {
              // "Moscow thought", "Tehran's priority": the capital stands for the government
              emit(u.a, u.b, { name: countryName(p.country), type: 'country', country: p.country, sector: 'GOV', code: p.country + 'GOV', origin: 'metonymy:capital', acts: true, role: 'actor' })
            } else {
              const place: Place = { text: span(u.a, u.b).text, name: p.name, country: p.country, lat: p.lat, lon: p.lon }
              emit(u.a, u.b, { name: p.name, type: 'place', country: p.country, sector: null, code: null, origin: u.origin, acts: false, role: 'place', place })
            }
          } else if (u.k === 'agent' && u.origin === 'definite') {
            emit(u.a, u.b, { name: null, type: 'organization', country: null, sector: null, code: null, origin: 'definite', acts: true, role: 'actor' })
          } else if (u.k === 'agent' && u.sector && !u.relational && !SILENT_SECTORS.has(u.sector) && toks[u.a].pos !== 'ADJ' && !(u.b - u.a === 1 && SILENT_ALONE.has(norms[u.a]))) {
            // "the council", "police": a sector without a country; coreference may name it
            const head = norms[u.b - 1]
            // "Opposition groups in Zimbabwe", "rebels in the Ivory Coast": the country they are in is theirs
            // (only sectors that are a country's own: troops, tourists, businesses "in Iraq" are as often foreign)
            const nu = next(ui + 1)
            const near = nu && (nu.a === u.b + 1 || (nu.a === u.b + 2 && norms[u.b + 1] === 'the'))
            // "the government of Sindh province": a province's government is of the province's country
            const ofPlace = near && norms[u.b] === 'of' && (nu.k === 'place' ? nu.place.country : nu.k === 'country' && nu.form === 'name' ? nu.iso : null)
            const inCountry = !IN_COUNTRY_SECTORS.has(u.sector) ? null : ofPlace || (near && nu.k === 'country' && nu.form === 'name' && norms[u.b] === 'in' ? nu.iso : null)
            emit(u.a, u.b, { name: null, type: typeOfTitle(head), country: inCountry, sector: u.sector, code: codeOf(inCountry, u.sector), origin: inCountry ? `${u.origin}+${ofPlace ? 'of' : 'in'}-country` : u.origin, acts: true, role: 'actor' })
          }
        }
      }
      // "President Bouteflika's government": a government named after its leader is his country's
      const personEnding = new Map<number, Mention>()
      for (const m of mentions) if (m.type === 'person' && m.country) personEnding.set(m.end, m)
      if (personEnding.size > 0) {
        for (const m of mentions) {
          // the gap below is 2 to 4 characters ("’s ", "' "): without a person ending there, nothing to do
          if (!personEnding.has(m.start - 2) && !personEnding.has(m.start - 3) && !personEnding.has(m.start - 4)) continue
          if (m.country || m.name || !GOVERNING_HEADS.has(m.text.slice(m.text.lastIndexOf(' ') + 1).toLowerCase())) continue
          const gap = /['’]s?\s+$/.exec(text.slice(Math.max(0, m.start - 4), m.start))
          const p = gap ? personEnding.get(m.start - gap[0].length) : undefined
          if (!p) continue
          m.country = p.country
          m.sector = 'GOV'
          m.code = codeOf(p.country, 'GOV')
          m.origin += ';of-leader'
        }
      }
      // unknown pairs nobody speaks as, and whose surname never comes back, are not taken for people
      if (unconfirmed.length > 0) {
        const lone = new Set(pending.map((p) => p.norm))
        const drop = new Set(unconfirmed.filter((m) => !lone.has(m.name!.slice(lastSpace(m.name!) + 1).toLowerCase())))
        if (drop.size > 0) {
          const kept = mentions.filter((m) => !drop.has(m))
          mentions.length = 0
          mentions.push(...kept)
        }
      }
      mentions.sort((x, y) => x.start - y.start || y.end - x.end)
      resolveCoreference({ text, mentions, pending, titleKeys, knownPeople: knownPeople.map((k) => ({ name: k.name, phrases: k.phrases, role: resolveRole(k.roles, date) })) })
      doc.mentions = mentions
    },
  }
}
