/**
 * Fix titles (quick fixes, SARIF fix descriptions): the change in words, white space named,
 * so a title never shows an invisible space inside backticks.
 */
import {describe, expect, it} from 'vitest'
import {contextAround, describeFix} from '../../src/fix/describe.js'

describe('describeFix', () => {
  it('names white space that comes or goes, beside the mark or word it touches', () => {
    expect(describeFix(',', ', ')).toBe('Insert a space after `,`')
    expect(describeFix(' ,', ',')).toBe('Remove the space before `,`')
    expect(describeFix('  ,', ',')).toBe('Remove the spaces before `,`')
    expect(describeFix('(', ' (', {before: 'the Joint Staff'})).toBe('Insert a space before `(`')
    expect(describeFix('( ', '(')).toBe('Remove the space after `(`')
    expect(describeFix(' )', ')', {before: '(UN'})).toBe('Remove the space before `)`')
    expect(describeFix('Addis -Ababa', 'Addis-Ababa')).toBe('Remove the space before `-`')
    expect(describeFix('Kuala- Lumpur', 'Kuala-Lumpur')).toBe('Remove the space after `-`')
    expect(describeFix('\u00A0,', ',')).toBe('Remove the non-breaking space before `,`')
    expect(describeFix('word\nword', 'wordword')).toBe('Remove the line break after `word`')
    expect(describeFix('ab', 'a b')).toBe('Insert a space after `a`')
    expect(describeFix('toknow', 'to know', {before: 'right-'})).toBe('Insert a space after `to`')
  })

  it('says “the second” when the text removed repeats what stands before it', () => {
    expect(describeFix('the the', 'the')).toBe('Remove the second `the`')
    expect(describeFix('The the', 'The')).toBe('Remove the second `the`')
    expect(describeFix('that\nthat', 'that')).toBe('Remove the second `that`')
    expect(describeFix(',,', ',')).toBe('Remove the second `,`')
    expect(describeFix(' .', '', {before: 'the talks.'})).toBe('Remove the second `.`')
    expect(describeFix(' the', '', {before: 'on the'})).toBe('Remove the second `the`')
    // Across a line break: the second word goes with its space, never the break.
    expect(describeFix('the ', '', {before: 'they flew to the\n', after: 'capital'})).toBe('Remove the second `the`')
    expect(describeFix('the ', '', {before: 'they flew to the\r\n', after: 'capital'})).toBe('Remove the second `the`')
    // Not a repeat: `other` does not end in the word `the`.
    expect(describeFix(' the', '', {before: 'the other'})).toBe('Remove `the`')
    expect(describeFix(',.', '.', {before: 'in Washington'})).toBe('Remove `,`')
    expect(describeFix('Addis -Ababa', 'Addis Ababa')).toBe('Remove `-`')
    // Part of a word: another word, not a removal.
    expect(describeFix('ther', 'the')).toBe('Change to `the`')
    expect(describeFix('thhe', 'the')).toBe('Change to `the`')
  })

  it('says “Change to” for any other replacement', () => {
    expect(describeFix('istanbul', 'Istanbul')).toBe('Change to `Istanbul`')
    expect(describeFix('"', '“')).toBe('Change to `“`')
    expect(describeFix('a.m', 'a.m.')).toBe('Change to `a.m.`')
    expect(describeFix('10 am', '10 a.m.')).toBe('Change to `10 a.m.`')
    expect(describeFix('x', ' ')).toBe('Replace with a space')
  })
})

describe('contextAround', () => {
  it('gives the text from the line above, and the rest of the line without its break', () => {
    expect(contextAround('One.\nTalks ,then more\r\nNext', 10, 12)).toEqual({before: 'One.\nTalks', after: 'then more'})
    expect(contextAround('A.\nB.\nC ,d', 7, 9)).toEqual({before: 'B.\nC', after: 'd'})
    expect(contextAround('a,b', 0, 1)).toEqual({before: '', after: ',b'})
  })
})
