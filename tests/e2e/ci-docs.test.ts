/**
 * The README's CI section: its GitHub Actions workflows parse as YAML with the expected shape,
 * and their `copydesk` commands, run with the built CLI on the sample, behave as documented.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parseDocument} from 'yaml'
import {cliPath, root} from '../helpers/cli.js'

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Workflow {
  on: Record<string, unknown>
  permissions: Record<string, string>
  jobs: Record<string, {'runs-on': string; steps: Step[]}>
}

const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
const ci = readme.slice(readme.indexOf('\n## CI\n'), readme.indexOf('\n## ', readme.indexOf('\n## CI\n') + 1))
const workflows = [...ci.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => {
  const document = parseDocument(match[1])
  return {errors: document.errors.map(String), workflow: document.toJS() as Workflow}
})
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps)
const copydeskRun = (workflow: Workflow) => steps(workflow).find((step) => step.run?.includes('copydesk lint'))!.run!

const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-ci-docs-'))
mkdirSync(path.join(folder, 'drafts'))
cpSync(path.join(root, 'samples/ukraine-talks.txt'), path.join(folder, 'drafts/ukraine-talks.txt'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

/** Run a workflow's shell line as GitHub does (`bash -eo pipefail`), with `npx copydesk` = the built CLI. */
function runStep(line: string) {
  const script = line.replace(/\bnpx copydesk\b/g, `node ${JSON.stringify(cliPath)}`)
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {cwd: folder, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
}

describe('README CI section', () => {
  it('has two workflows that parse as YAML', () => {
    expect(workflows).toHaveLength(2)
    for (const {errors, workflow} of workflows) {
      expect(errors).toEqual([])
      expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0)
      expect(steps(workflow).some((step) => step.uses?.startsWith('actions/checkout@'))).toBe(true)
    }
  })

  it('uploads SARIF with the permission code scanning needs', () => {
    const {workflow} = workflows[0]
    expect(workflow.permissions['security-events']).toBe('write')
    const upload = steps(workflow).find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))
    expect(upload).toBeDefined()
    const run = copydeskRun(workflow)
    expect(run).toContain('--format sarif')
    expect(run).toContain(`> ${String(upload!.with!.sarif_file)}`)
  })

  it('the SARIF step succeeds on a draft with problems and writes a valid log', () => {
    const result = runStep(copydeskRun(workflows[0].workflow))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const log = JSON.parse(readFileSync(path.join(folder, 'copydesk.sarif'), 'utf8'))
    expect(log.runs[0].results.length).toBeGreaterThan(0)
    const validator = path.resolve(root, '../shared/harness/sarif-validate')
    if (existsSync(validator)) expect(spawnSync(validator, [path.join(folder, 'copydesk.sarif')]).status).toBe(0)
  })

  it('the pull-request step prints annotations and fails on warnings (--max-warnings 0)', () => {
    const {workflow} = workflows[1]
    expect(Object.keys(workflow.on)).toEqual(['pull_request'])
    const run = copydeskRun(workflow)
    expect(run).toContain('--format github')
    const result = runStep(run)
    expect(result.stdout).toMatch(/^::warning file=drafts\/ukraine-talks\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=/m)
    expect(result.status).toBe(1)
  })

  it('a failed run (exit 2) fails the SARIF step', () => {
    const result = runStep(copydeskRun(workflows[0].workflow).replace('drafts', 'missing-folder'))
    expect(result.status).not.toBe(0)
  })
})
