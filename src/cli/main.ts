/** The command line: dispatch to a command, turn run errors into exit status 2. */
import {RunError} from './errors.js'
import {copydeskVersion} from '../version.js'
import type {Io} from './io.js'

const usage = `Usage:
  copydesk lint [PATH|GLOB|-]... [--format F] [--fix | --fix-dry-run] [--config FILE]
                [--quiet] [--max-warnings N] [--stdin-filename NAME]
  copydesk lsp --stdio
  copydesk rules [--json]
  copydesk explain RULE
  copydesk init [FOLDER]     # write a commented .copydeskrc.yaml
  copydesk --version | --help
`

/** The commands besides `lint`, `rules` and `explain`, registered by their modules. */
export const extraCommands = new Map<string, (args: readonly string[], io: Io) => Promise<number> | number>()

// Loaded on demand: `lint` never pays for the language server's modules.
extraCommands.set('lsp', async (args, io) => (await import('./lsp-command.js')).lspCommand(args, io))
extraCommands.set('init', async (args, io) => (await import('./init-command.js')).initCommand(args, io))

/** Run the command line `args` (without node and the script); resolves to the exit status. */
export async function main(args: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = args
  try {
    switch (command) {
      // Each command's modules are loaded when it runs: `--version` loads no rule, `rules`
      // no formatter, and a lint run only the formatter it prints with.
      case 'lint':
        return await (await import('./lint-command.js')).lintCommand(rest, io)
      case 'rules':
        return (await import('./rules-command.js')).rulesCommand(rest, io)
      case 'explain':
        return await (await import('./rules-command.js')).explainCommand(rest, io)
      case '--version':
      case '-v':
        io.stdout.write(copydeskVersion() + '\n')
        return 0
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(usage)
        return 0
      case undefined:
        io.stderr.write(usage)
        return 2
      default: {
        const extra = extraCommands.get(command)
        if (extra) return await extra(rest, io)
        throw new RunError(`Unknown command \`${command}\`, expected one of \`lint\`, \`lsp\`, \`rules\`, \`explain\`, \`init\``)
      }
    }
  } catch (error) {
    if (error instanceof RunError) {
      io.stderr.write(`copydesk: ${error.message}\n`)
      return 2
    }
    throw error
  }
}


