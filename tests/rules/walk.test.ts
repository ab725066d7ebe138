/**
 * `rules/lib/walk.ts`: the rules' walk and `textOf` must give what `unist-util-visit` and
 * `nlcst-to-string` give, on every node of real drafts.
 */
import {readdirSync, readFileSync} from 'node:fs'
import type {Nodes} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {SKIP, textOf, walk} from '../../rules/lib/walk.js'

const folder = new URL('../../samples/', import.meta.url)
const drafts = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => [name, readFileSync(new URL(name, folder), 'utf8')] as const)

describe('textOf', () => {
  it.each(drafts)('gives the text nlcst-to-string gives, for every node of %s', (_name, text) => {
    const tree = new ParseEnglish().parse(text)
    let nodes = 0
    walk(tree, (node) => {
      nodes++
      expect(textOf(node)).toBe(toString(node))
      if ('children' in node) expect(textOf(node.children)).toBe(toString(node.children))
    })
    expect(nodes).toBeGreaterThan(100)
    expect(textOf(tree)).toBe(text)
  })

  it('reads words of several parts and empty lists', () => {
    const tree = new ParseEnglish().parse('Don’t re-enter U.S. sites, e.g. example.com.')
    const words: string[] = []
    walk(tree, 'WordNode', (word) => void words.push(textOf(word)))
    expect(words).toEqual(['Don’t', 're-enter', 'U.S.', 'sites', 'e.g.', 'example.com'])
    expect(textOf([])).toBe('')
  })
})

describe('walk', () => {
  it.each(drafts)('visits the nodes unist-util-visit visits, in its order, on %s', (_name, text) => {
    const tree = new ParseEnglish().parse(text)
    const ours: Array<[Nodes, number | undefined]> = []
    const theirs: Array<[Nodes, number | undefined]> = []
    walk(tree, (node, index) => void ours.push([node, index]))
    visit(tree, (node, index) => void theirs.push([node, index]))
    expect(ours.length).toBe(theirs.length)
    expect(ours.every(([node, index], at) => node === theirs[at][0] && index === theirs[at][1])).toBe(true)
  })

  it.each(drafts)('visits the nodes of one type that unist-util-visit visits, with their index and parent, on %s', (_name, text) => {
    const tree = new ParseEnglish().parse(text)
    for (const type of ['WordNode', 'TextNode', 'PunctuationNode', 'SentenceNode'] as const) {
      const ours: Array<[Nodes, number | undefined, Nodes | undefined]> = []
      const theirs: Array<[Nodes, number | undefined, Nodes | undefined]> = []
      walk(tree, type, (node, index, parent) => void ours.push([node, index, parent]))
      visit(tree, type, (node, index, parent) => void theirs.push([node, index, parent]))
      expect(ours.length).toBe(theirs.length)
      expect(ours.length).toBeGreaterThan(0)
      expect(ours.every(([node, index, parent], at) => node === theirs[at][0] && index === theirs[at][1] && parent === theirs[at][2])).toBe(true)
    }
  })

  it('skips the children of a node on SKIP and stops on false', () => {
    const tree = new ParseEnglish().parse('One two. Three four.')
    const types: string[] = []
    walk(tree, (node) => {
      types.push(node.type)
      return node.type === 'SentenceNode' ? SKIP : undefined
    })
    expect(types).toEqual(['RootNode', 'ParagraphNode', 'SentenceNode', 'WhiteSpaceNode', 'SentenceNode'])
    let words = 0
    walk(tree, 'WordNode', () => ++words < 3)
    expect(words).toBe(3)
  })
})
