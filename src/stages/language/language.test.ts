import { test } from 'node:test'
import assert from 'node:assert/strict'
import { newDoc } from '../../core/pipeline.js'
import { createLanguage, detectLanguage } from './language.js'

test('English news text is English', () => {
  const g = detectLanguage('Iran’s Deputy Foreign Minister held discussions with Hamas representatives in Moscow, as reported by the Russian state news agency Tass on Friday.')
  assert.equal(g.language, 'en')
})

test('Latin-script languages are told apart by their function words', () => {
  assert.equal(detectLanguage('El ministro de Asuntos Exteriores de Irán se reunió con representantes de Hamás en Moscú, según informó la agencia rusa de noticias Tass.').language, 'es')
  assert.equal(detectLanguage('Le ministre iranien des Affaires étrangères a rencontré des représentants du Hamas à Moscou, selon l’agence de presse russe Tass.').language, 'fr')
  assert.equal(detectLanguage('Der iranische Vizeaußenminister hat sich in Moskau mit Vertretern der Hamas getroffen, wie die russische Nachrichtenagentur Tass berichtet.').language, 'de')
})

test('non-Latin scripts are recognised by script', () => {
  assert.equal(detectLanguage('Заместитель министра иностранных дел Ирана провел переговоры с представителями ХАМАС в Москве.').language, 'ru')
  assert.equal(detectLanguage('التقى نائب وزير الخارجية الإيراني بممثلين عن حركة حماس في موسكو').language, 'ar')
})

test('a non-English article gets a language warning and its language filled in', () => {
  const doc = newDoc({ id: 't', text: 'El ministro de Asuntos Exteriores de Irán se reunió con representantes de Hamás en Moscú, según informó la agencia rusa de noticias Tass el viernes.' })
  createLanguage().run(doc)
  assert.equal(doc.article.language, 'es')
  assert.equal(doc.report.length, 1)
  assert.equal(doc.report[0].severity, 'warning')
  assert.match(doc.report[0].message, /Spanish/)
})

test('an English article says nothing, and a declared language is kept', () => {
  const doc = newDoc({ id: 't', text: 'The talks, which took place on Thursday, revolved around a potential cease-fire and the provision of humanitarian assistance to Gaza.', language: 'en-US' })
  createLanguage().run(doc)
  assert.equal(doc.article.language, 'en-US')
  assert.equal(doc.report.length, 0)
})

test('too little text is undetermined and not flagged', () => {
  const doc = newDoc({ id: 't', text: 'Moscow, Oct. 27' })
  createLanguage().run(doc)
  assert.equal(doc.report.length, 0)
  assert.equal(doc.article.language, undefined)
})

test('words are runs of letters and apostrophes, accented and curly-quoted ones included', () => {
  // the, cat’s, hat, the, dog’s, café, naïve: seven words, two of them English function words.
  const g = detectLanguage('The cat’s hat — the dog’s café, “naïve”!')
  assert.equal(g.englishShare, 2 / 7)
})

test('words are read from the lowercased text, where "İ" becomes "i" + a combining dot that splits its word', () => {
  // i, stanbul’da, i, çişleri, bakanı, bir, açıklama, yaptı, ve, için, ile, the, 𐐨𐐨x’s (an astral capital lowercased in place): 13 words.
  const g = detectLanguage('İSTANBUL’DA İçişleri Bakanı bir açıklama yaptı ve için ile the 𐐀𐐨x’s')
  assert.equal(g.language, 'tr')
  assert.equal(g.englishShare, 1 / 13)
})
