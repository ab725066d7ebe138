/**
 * The VS Code extension in `editors/vscode/` installs from the registry (its own lock file)
 * and packages with `@vscode/vsce`: a copy is installed and packed in a temporary folder.
 */
import {execFile, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, describe, expect, it} from 'vitest'
import {root} from '../helpers/cli.js'

const source = path.join(root, 'editors/vscode')
const temp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-vscode-'))
const folder = path.join(temp, 'vscode')
// Asynchronous: a long synchronous child would block the test worker's event loop.
const run = promisify(execFile)

// Removing the installed node_modules takes a while on a busy machine.
afterAll(() => rmSync(temp, {recursive: true, force: true}), 180_000)

describe('editors/vscode', () => {
  it('declares what VS Code needs to start the client for plain text and Markdown', () => {
    const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'))
    expect(manifest.main).toBe('./extension.js')
    expect(manifest.activationEvents).toEqual(['onLanguage:plaintext', 'onLanguage:markdown'])
    expect(Object.keys(manifest.dependencies)).toEqual(['vscode-languageclient'])
    expect(manifest.contributes.configuration.properties['copydesk.command'].default).toEqual(['copydesk', 'lsp', '--stdio'])
    const check = spawnSync(process.execPath, ['--check', path.join(source, 'extension.js')], {encoding: 'utf8'})
    expect(check.status, check.stderr).toBe(0)
  })

  it('installs from its lock file and packages into a .vsix with the client inside', async () => {
    cpSync(source, folder, {recursive: true, filter: (file) => !file.includes(`${path.sep}node_modules`) && !file.endsWith('.vsix')})
    // A failing step rejects with its output, which vitest shows.
    await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {cwd: folder})
    await run('npx', ['--no-install', 'vsce', 'package', '--no-yarn', '--out', 'copydesk.vsix'], {cwd: folder})
    expect(existsSync(path.join(folder, 'copydesk.vsix'))).toBe(true)
    const listing = (await run('npx', ['--no-install', 'vsce', 'ls', '--no-yarn'], {cwd: folder})).stdout
    expect(listing).toContain('extension.js')
    expect(listing).toContain('node_modules/vscode-languageclient/package.json')
  }, 300_000)
})
