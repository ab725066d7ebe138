// Peer: a plain retext pipeline, as a project would set it up from the packages' READMEs.
import dictionaryEn from 'dictionary-en'
import retextEnglish from 'retext-english'
import retextRepeatedWords from 'retext-repeated-words'
import retextSpell from 'retext-spell'
import retextStringify from 'retext-stringify'
import {unified} from 'unified'
import {runMode} from './common.mjs'

await runMode(async () => {
  const processor = unified().use(retextEnglish).use(retextSpell, {dictionary: dictionaryEn}).use(retextRepeatedWords).use(retextStringify)
  return async (text) => (await processor.process(text)).messages.length
})
