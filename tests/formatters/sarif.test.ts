import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import {sarif} from '../../src/formatters/sarif.js'
import {context, sampleFiles} from './files.js'

describe('--format sarif', () => {
  const log = JSON.parse(sarif(sampleFiles(), context))
  const run = log.runs[0]

  it('is a SARIF 2.1.0 log with one run', () => {
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/)
    expect(log.runs).toHaveLength(1)
    expect(run.originalUriBaseIds).toEqual({'%SRCROOT%': {uri: 'file:///work/project/'}})
    expect(run.columnKind).toBe('utf16CodeUnits')
  })

  it('describes the tool and every registered rule', () => {
    const {driver} = run.tool
    expect(driver.name).toBe('copydesk')
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(driver.informationUri).toMatch(/^https:\/\//)
    expect(driver.rules.map((rule: {id: string}) => rule.id)).toEqual(rules.map((rule) => rule.id))
    for (const [index, rule] of rules.entries()) {
      expect(driver.rules[index]).toMatchObject({
        id: rule.id,
        shortDescription: {text: rule.meta.description},
        fullDescription: {text: rule.meta.why},
        helpUri: expect.stringContaining(`docs/rules/${rule.id}.md`),
        defaultConfiguration: {level: {error: 'error', warning: 'warning', info: 'note'}[rule.meta.severity]},
      })
    }
  })

  it('gives each result its rule, level, message, relative location, region and snippet', () => {
    expect(run.results).toHaveLength(4)
    const [first, name, house, web] = run.results
    expect(first).toMatchObject({
      ruleId: 'repeated-word',
      level: 'warning',
      message: {text: '`the` is repeated'},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: 'drafts/talks%2C%20day%201.txt', uriBaseId: '%SRCROOT%'},
            region: {startLine: 1, startColumn: 18, endLine: 1, endColumn: 25, snippet: {text: 'the the'}},
          },
        },
      ],
    })
    for (const result of run.results) {
      if (rules.some((rule) => rule.id === result.ruleId)) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
    }
    expect(name.level).toBe('error')
    expect(house.level).toBe('note')
    expect(web.locations[0].physicalLocation.artifactLocation.uri).toBe('drafts/web.md')
  })

  it('turns suggestions into fixes that replace the flagged region', () => {
    const [first, name] = run.results
    expect(first.fixes).toEqual([
      {
        description: {text: 'Remove the second `the`'},
        artifactChanges: [
          {
            artifactLocation: {uri: 'drafts/talks%2C%20day%201.txt', uriBaseId: '%SRCROOT%'},
            replacements: [{deletedRegion: {startLine: 1, startColumn: 18, endLine: 1, endColumn: 25}, insertedContent: {text: 'the'}}],
          },
        ],
        properties: {certain: true},
      },
    ])
    expect(name.fixes[0].properties).toEqual({certain: false})
    expect(name.fixes[0].description).toEqual({text: 'Change to `Marco`'})
  })

  it('names a file outside the folder by its absolute URI and keeps a clean run valid', () => {
    const outside = new VFile({path: '/elsewhere/a.txt', value: 'x', cwd: '/work/project'})
    const log = JSON.parse(sarif([outside], context))
    expect(log.runs[0].results).toEqual([])
    const file = sampleFiles()[1]
    file.path = '/elsewhere/web.md'
    const result = JSON.parse(sarif([file], context)).runs[0].results[0]
    expect(result.locations[0].physicalLocation.artifactLocation).toEqual({uri: 'file:///elsewhere/web.md'})
  })
})
