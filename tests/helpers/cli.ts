/** Run the built CLI (`dist/src/cli.js`, built by `npm test` before vitest) as a real process. */
import {execFile, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The project root. */
export const root = fileURLToPath(new URL('../..', import.meta.url))
/** The built CLI. */
export const cliPath = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url))

/** The result of one CLI run. */
export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Run `copydesk ARGS` in `cwd` (default: the project root), with `input` on stdin. */
export function runCli(args: readonly string[], options: {cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv} = {}): CliResult {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first (npm test does)`)
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', ...options.env},
    timeout: 60_000,
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

/**
 * {@link runCli} without blocking: for long runs (a large draft), where a long `spawnSync`
 * starves vitest's worker. Standard output up to 64 MiB.
 */
export function runCliAsync(args: readonly string[], options: {cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number} = {}): Promise<CliResult> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first (npm test does)`)
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      {cwd: options.cwd ?? root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...options.env}, timeout: options.timeout ?? 120_000, maxBuffer: 64 * 1024 * 1024},
      (error, stdout, stderr) => resolve({status: error ? ((error as {code?: number}).code ?? null) : 0, stdout, stderr}),
    )
  })
}

/** Make `parent/name` holding `files` (paths relative to it, subfolders created); returns its path. */
export function folderWith(parent: string, name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(parent, name)
  mkdirSync(dir, {recursive: true})
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), {recursive: true})
    writeFileSync(path.join(dir, file), content)
  }
  return dir
}
