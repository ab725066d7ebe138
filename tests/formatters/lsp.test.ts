import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import type {Diagnostic} from 'vscode-languageserver-protocol'
import {lsp} from '../../src/formatters/lsp.js'
import {context, sampleFiles} from './files.js'

describe('--format lsp', () => {
  const output = JSON.parse(lsp(sampleFiles(), context)) as Array<{uri: string; diagnostics: Diagnostic[]}>

  it('gives each file its absolute file URI, in argument order', () => {
    expect(output.map((entry) => entry.uri)).toEqual(['file:///work/project/drafts/talks,%20day%201.txt', 'file:///work/project/drafts/web.md'])
  })

  it('maps 1-based vfile positions to 0-based LSP ranges', () => {
    const [first] = output[0].diagnostics
    expect(first.range).toEqual({start: {line: 0, character: 17}, end: {line: 0, character: 24}})
    expect(output[0].diagnostics[1].range).toEqual({start: {line: 1, character: 0}, end: {line: 1, character: 4}})
  })

  it('carries severity, code, source, docs link and the fix data', () => {
    const [repeated, name, house] = output[0].diagnostics
    expect(repeated).toMatchObject({
      severity: 2,
      source: 'copydesk',
      code: 'repeated-word',
      codeDescription: {href: expect.stringContaining('docs/rules/repeated-word.md')},
      data: {actual: 'the the', expected: ['the'], fix: true},
    })
    expect(name).toMatchObject({severity: 1, code: 'name-spelling', data: {fix: false}})
    expect(house.severity).toBe(3)
  })

  it('names standard input with an untitled: URI', () => {
    const stdin = new VFile({value: 'x', path: '<stdin>'})
    expect(JSON.parse(lsp([stdin], context))).toEqual([{uri: 'untitled:stdin', diagnostics: []}])
  })
})
