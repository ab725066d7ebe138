import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty, github} from '../../src/formatters/github.js'
import {context, sampleFiles} from './files.js'

describe('--format github', () => {
  it('prints one workflow command per message, with exact escaping', () => {
    expect(github(sampleFiles(), context).split('\n')).toEqual([
      '::warning file=drafts/talks%2C day 1.txt,line=1,col=18,endLine=1,endColumn=25,title=repeated-word::`the` is repeated',
      '::error file=drafts/talks%2C day 1.txt,line=2,col=1,endLine=2,endColumn=5,title=name-spelling::Possible misspelling of `Marco Rubio`%0A(a known name)',
      '::notice file=drafts/talks%2C day 1.txt,line=2,col=23,endLine=2,endColumn=27,title=house-style::House style: `100 percent`, not `100%25`, per AP: style',
      '::warning file=drafts/web.md,line=1,col=35,endLine=1,endColumn=40,title=repeated-word::`in` is repeated',
      '',
    ])
  })

  it('escapes data (%, CR, LF) and properties (also : and ,) as the Actions toolkit does', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b')
    expect(escapeProperty('C:\\drafts\\a,b%.txt\n')).toBe('C%3A\\drafts\\a%2Cb%25.txt%0A')
  })

  it('prints nothing for clean files', () => {
    const files = sampleFiles()
    for (const file of files) file.messages = []
    expect(github(files, context)).toBe('')
  })
})
