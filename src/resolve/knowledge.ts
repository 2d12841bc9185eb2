// The actor knowledge base: people introduced with a title in one article ("Iran's deputy foreign
// minister Ali Bagheri Kani") are stored with country, sector and dates seen (storage/), and handed
// back to the coder of later articles so a bare "Bagheri Kani" resolves. What the user wrote in
// --dictionaries wins over what was learned: it is loaded into the store as 'dictionary' actors
// (overwriting learned identity fields) and the coder layers the user's files over known actors.
import type { EntityType } from '../core/types.js'
import { loadUserDictionaries } from '../dictionaries/actors.js'
import type { KnownActor as StageKnownActor } from '../stages/actors/actors.js'
import type { KnownActor, Store } from '../storage/store.js'

/** Aliases shorter than this are too ambiguous to resolve a mention by ("Li", "Ali"). */
const MIN_ALIAS_LENGTH = 4

/** The store's knowledge in the shape the actor stage takes. */
export function knownForCoder(list: KnownActor[]): StageKnownActor[] {
  const out: StageKnownActor[] = []
  for (const k of list) {
    if (!k.type) continue
    // Learned aliases are the mention texts; keep the bare-name forms, not the long titled ones.
    const aliases = [...new Set(k.aliases.filter((a) => a.length >= MIN_ALIAS_LENGTH && a !== k.name && k.name.includes(a)))]
    const surname = k.type === 'person' ? k.name.split(/\s+/).slice(1).join(' ') : ''
    if (surname.length >= MIN_ALIAS_LENGTH && !aliases.includes(surname)) aliases.push(surname)
    out.push({ name: k.name, aliases, country: k.country, sector: k.sector, code: k.code, type: k.type as EntityType })
  }
  return out
}

/** Loads the user's actor corrections from a --dictionaries folder into the store. Returns how many. */
export async function applyDictionaryCorrections(store: Store, dir: string): Promise<number> {
  const { actors } = loadUserDictionaries(dir)
  const list = actors
    .filter((a) => a.role !== 'media')
    .map((a) => {
      const role = a.roles[0] ?? { code: null, country: null, sector: null }
      return { name: a.name, aliases: a.phrases, type: a.type, country: role.country ?? null, sector: role.sector ?? null, code: role.code ?? null }
    })
  if (list.length) await store.putDictionaryActors(list)
  return list.length
}
