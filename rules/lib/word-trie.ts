/**
 * A compiled trie of lowercase dictionary words (minimized into a DAWG), for finding the
 * words within a bounded edit distance of a misspelling without scanning the dictionary:
 * written by `npm run build:data` (`scripts/data/words.ts`), read as it is.
 *
 * Layout (little-endian): `CDT1`, `uint32` header length, the JSON header (padded to 4
 * bytes), `uint32` edge count, then two `uint32` per edge: the letter (UTF-16 code unit, low
 * 16 bits), the flags of the word that ends there (bits 16–23) and whether the edge is the
 * last of its node (bit 24); and the index of the first edge of the node it leads to
 * (`0xffffffff` for none). The root's edges start at 0.
 */
import {decodeFrame, encodeFrame} from './binary-frame.js'

const magic = 'CDT1'
const none = 0xffffffff

/** A node of the trie being built. */
interface BuildNode {
  flags: number
  readonly children: Map<number, BuildNode>
}

/** Encode words with flags as a minimized trie (build time). */
export function encodeWordTrie(header: unknown, words: ReadonlyMap<string, number>): Buffer {
  const root: BuildNode = {flags: 0, children: new Map()}
  for (const [word, flags] of words) {
    let node = root
    for (let index = 0; index < word.length; index++) {
      const code = word.charCodeAt(index)
      let child = node.children.get(code)
      if (!child) node.children.set(code, (child = {flags: 0, children: new Map()}))
      node = child
    }
    node.flags |= flags
  }
  // Minimize: nodes with the same letters to the same equivalent nodes (and the same flags
  // at each) are one node; edges are written per distinct node.
  const edges: number[] = []
  const ids = new Map<string, number>()
  const place = (node: BuildNode): number => {
    if (node.children.size === 0) return none
    const children = [...node.children].sort((a, b) => a[0] - b[0]).map(([code, child]) => [code, child.flags, place(child)] as const)
    const key = children.map((child) => child.join(',')).join(';')
    let id = ids.get(key)
    if (id === undefined) {
      id = edges.length / 2
      children.forEach(([code, flags, target], index) => edges.push((code | (flags << 16) | (index === children.length - 1 ? 1 << 24 : 0)) >>> 0, target))
      ids.set(key, id)
    }
    return id
  }
  // The root's edges must come first: place the children, then copy the root's edges to 0.
  const rootChildren = [...root.children].sort((a, b) => a[0] - b[0]).map(([code, child]) => [code, child.flags, place(child)] as const)
  const rootEdges = rootChildren.flatMap(([code, flags, target], index) => [(code | (flags << 16) | (index === rootChildren.length - 1 ? 1 << 24 : 0)) >>> 0, target])
  const shift = rootEdges.length / 2
  const all = new Uint32Array(rootEdges.length + edges.length)
  all.set(rootEdges.map((value, index) => (index % 2 === 1 && value !== none ? value + shift : value)))
  all.set(
    edges.map((value, index) => (index % 2 === 1 && value !== none ? value + shift : value)),
    rootEdges.length,
  )
  return encodeFrame(magic, header, all, 2)
}

/** A trie read from its bytes. */
export class WordTrie {
  readonly header: unknown
  /** Two entries per edge (see the layout above). */
  readonly edges: Uint32Array

  constructor(buffer: Uint8Array) {
    const frame = decodeFrame(buffer, magic, 'word trie', 2)
    this.header = frame.header
    this.edges = frame.values
  }

  /** Every word with its flags, in trie order. */
  *words(): Generator<[string, number]> {
    if (this.edges.length > 0) yield* wordsFrom(this.edges, 0, '')
  }

  /**
   * The words that start with `prefix` (not empty), with their flags, in the order of
   * {@link words}: only the prefix's branch is walked, not the whole trie.
   */
  *wordsWithPrefix(prefix: string): Generator<[string, number]> {
    const edges = this.edges
    if (edges.length === 0 || prefix === '') return
    // Down the prefix's letters: at each node, the edge of the next letter (the last edge of a
    // node has bit 24 set).
    let node = 0
    for (let index = 0; ; index++) {
      let edge = node
      while ((edges[edge * 2] & 0xffff) !== prefix.charCodeAt(index)) if (edges[edge++ * 2] & (1 << 24)) return
      const target = edges[edge * 2 + 1]
      if (index === prefix.length - 1) {
        const flags = (edges[edge * 2] >>> 16) & 0xff
        if (flags) yield [prefix, flags]
        if (target !== none) yield* wordsFrom(edges, target, prefix)
        return
      }
      if (target === none) return
      node = target
    }
  }
}

/** The words below the node whose edges start at `first`, each `prefix` + the letters down to it. */
function* wordsFrom(edges: Uint32Array, first: number, prefix: string): Generator<[string, number]> {
  for (let edge = first; ; edge++) {
    const value = edges[edge * 2]
    const word = prefix + String.fromCharCode(value & 0xffff)
    const flags = (value >>> 16) & 0xff
    if (flags) yield [word, flags]
    const target = edges[edge * 2 + 1]
    if (target !== none) yield* wordsFrom(edges, target, word)
    if (value & (1 << 24)) return
  }
}

/** No node after this edge. */
export const noNode = none
