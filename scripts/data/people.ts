/**
 * `rules/lib/data/people-index.bin`: the people index of `people.txt` and `name-parts.txt`
 * (`rules/lib/people-index.ts`), compiled after the lists are written.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fold, nameParticles, peopleIndexFile} from '../../rules/lib/gazetteer.js'
import {encodePeopleIndex} from '../../rules/lib/people-index.js'

/** Compile the index from the lists in `folder` (as written there). */
export function compilePeopleIndex(folder: string): Buffer {
  const read = (name: string) =>
    readFileSync(path.join(folder, `${name}.txt`), 'utf8')
      .split('\n')
      .filter(Boolean)
  return encodePeopleIndex(read('people'), read('name-parts'), fold, (word) => nameParticles.has(word))
}

/** Compile and write the index into `folder`. */
export function buildPeopleIndex(folder: string): {file: string; bytes: number} {
  const bytes = compilePeopleIndex(folder)
  writeFileSync(path.join(folder, peopleIndexFile), bytes)
  return {file: peopleIndexFile, bytes: bytes.length}
}
