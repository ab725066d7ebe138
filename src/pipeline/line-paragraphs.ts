/**
 * Plain-text drafts: one paragraph per line.
 *
 * retext-english starts a new paragraph only at a blank line, and it starts a new sentence
 * only before a capital letter, so in wire copy, where every paragraph and every headline
 * sits on a line of its own, `…a week.\nfollowing this, Trump…` would be one sentence and
 * a headline would run into the paragraph below it. This transform splits paragraphs (and
 * the sentences that straddle them) at line breaks that end a paragraph. A line break
 * inside hard-wrapped prose — a long line that does not end a sentence — is kept inside
 * the paragraph.
 */
import type {Paragraph, Root, RootContent, Sentence, SentenceContent, WhiteSpace} from 'nlcst'
import {isTitleCase} from '../text/title-case.js'

/** Characters that may end a paragraph line (closing quotes and brackets included). */
const lineEnd = /[.!?:;…"”’)\]*]$/u
/** A line at least this long that ends in no punctuation is taken as hard-wrapped prose. */
const wrapWidth = 50

/** Split paragraphs at line breaks that end a line of their own (see module comment). */
export function splitLineParagraphs(tree: Root, text: string): void {
  const children: RootContent[] = []
  for (const child of tree.children) {
    // One at a time: a spread of 100,000 lines' nodes overflows the stack.
    if (child.type === 'ParagraphNode') for (const node of splitParagraph(child, text)) children.push(node)
    else children.push(child)
  }
  tree.children = children
}

function splitParagraph(paragraph: Paragraph, text: string): RootContent[] {
  const out: RootContent[] = []
  let sentences: Paragraph['children'] = []
  let current: SentenceContent[] = []
  // Where the current line starts, to decide whether its line break ends a paragraph.
  let lineStart = paragraph.position?.start.offset ?? 0
  const breaksParagraph = (node: RootContent | SentenceContent): node is WhiteSpace => {
    if (node.type !== 'WhiteSpaceNode' || !node.value.includes('\n')) return false
    const at = node.position?.start.offset ?? lineStart
    const breaks = endsParagraph(text.slice(lineStart, at))
    // The next line starts after the last line break of this white space.
    lineStart = at + node.value.lastIndexOf('\n') + 1
    return breaks
  }

  const flushSentence = () => {
    // Leading and trailing white space belongs between sentences, not inside them.
    const leading: WhiteSpace[] = []
    while (current.length > 0 && current[0].type === 'WhiteSpaceNode') leading.push(current.shift() as WhiteSpace)
    const trailing: WhiteSpace[] = []
    while (current.length > 0 && current.at(-1)!.type === 'WhiteSpaceNode') trailing.unshift(current.pop() as WhiteSpace)
    for (const node of leading) sentences.push(node)
    if (current.length > 0) sentences.push(sentence(current))
    for (const node of trailing) sentences.push(node)
    current = []
  }

  const flushParagraph = (separator?: WhiteSpace) => {
    flushSentence()
    const leading: RootContent[] = []
    while (sentences.length > 0 && sentences[0].type === 'WhiteSpaceNode') leading.push(sentences.shift()!)
    const trailing: RootContent[] = []
    while (sentences.length > 0 && sentences.at(-1)!.type === 'WhiteSpaceNode') trailing.unshift(sentences.pop()!)
    for (const node of leading) out.push(node)
    if (sentences.length > 0) out.push(para(sentences))
    for (const node of trailing) out.push(node)
    if (separator) out.push(separator)
    sentences = []
  }

  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') {
      // White space between sentences: a line break there may end the paragraph.
      if (breaksParagraph(child)) flushParagraph(child)
      else sentences.push(child)
      continue
    }

    for (const node of child.children) {
      if (breaksParagraph(node)) {
        flushParagraph(node)
        continue
      }
      current.push(node)
    }
    flushSentence()
  }
  flushParagraph()
  return out
}

/** Whether a line break after `line` ends a paragraph (not hard-wrapped prose). */
export function endsParagraph(line: string): boolean {
  const text = line.trim()
  if (text === '') return false
  // “Ukraine War: Trump Seeks to mediate as Russia Confirms Planning for Talks”: a headline.
  return lineEnd.test(text) || text.length < wrapWidth || isTitleCase(text)
}

function sentence(children: SentenceContent[]): Sentence {
  return {type: 'SentenceNode', children, position: span(children)}
}

function para(children: Paragraph['children']): Paragraph {
  return {type: 'ParagraphNode', children, position: span(children)}
}

function span(nodes: ReadonlyArray<{position?: Sentence['position']}>): Sentence['position'] {
  const start = nodes[0]?.position?.start
  const end = nodes.at(-1)?.position?.end
  return start && end ? {start, end} : undefined
}
