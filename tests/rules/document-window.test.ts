/**
 * `getPartDocument` (rules/lib/document.ts) in a windowed lint: the window's document is the
 * tail of the run's tree's document, the same entries (issue 17: on a draft of one-letter lines
 * the two were built apart in every run, a tenth of the lint), and equal to one built alone.
 */
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/defaults.js'
import {getDocument, getPartDocument} from '../../rules/lib/document.js'
import {splitLineParagraphs} from '../../src/pipeline/line-paragraphs.js'
import {getProcessor} from '../../src/pipeline/processor.js'
import type {WindowRun} from '../../src/rule.js'

const text = 'Talks Resume In Kyiv\nThe talks ended. Delegates left.\nthey met again on Monday.\nA Short Headline\nThe end.\n'

function parsed(): {tree: Root; file: VFile} {
  const file = new VFile({value: text, path: 'draft.txt'})
  const tree = getProcessor(defaultConfig('/'), 'text').parse(file)
  splitLineParagraphs(tree, text)
  return {tree, file}
}

describe('getPartDocument in a windowed run', () => {
  it.each(['survey', 'report'] as const)('gives the tail of the tree’s document in the %s pass, equal to one built alone', (pass) => {
    const {tree, file} = parsed()
    const start = text.indexOf('they')
    // The report pass puts the paragraph before the window first; the survey has the window alone.
    const nodes = tree.children.filter((node) => (node.position?.start.offset ?? 0) >= start)
    const context = pass === 'report' ? tree.children.filter((node) => node.type === 'ParagraphNode' && node.position!.end.offset! <= start).slice(-1) : []
    const run: Root = {type: 'RootNode', children: [...context, ...nodes]}
    const window: WindowRun = {pass, nodes, start, end: text.length, state: new Map(), firstParagraph: 0, reportEnd: text.length}
    file.data.copydeskWindow = window
    const part = getPartDocument(run, nodes, file)
    const whole = getDocument(run, file)
    expect(part.paragraphs.map((paragraph) => paragraph.text)).toEqual(['they met again on Monday.', 'A Short Headline', 'The end.'])
    expect(whole.paragraphs.length).toBe(part.paragraphs.length + context.length)
    part.paragraphs.forEach((paragraph, index) => expect(paragraph).toBe(whole.paragraphs[index + context.length]))
    part.sentences.forEach((sentence, index) => expect(sentence).toBe(whole.sentences.at(index - part.sentences.length)))
    expect(part.lines).toBe(whole.lines)
    // Built alone (nodes that are not the window's): the same entries.
    const alone = getPartDocument(run, [...nodes], file)
    expect(alone.paragraphs).not.toBe(part.paragraphs)
    expect(alone.paragraphs).toEqual(part.paragraphs)
    expect(alone.sentences).toEqual(part.sentences)
  })
})
