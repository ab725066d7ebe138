/** The command line: dispatch to a command, turn run errors into exit status 2. */
import {RunError} from './errors.js'
import {copydeskVersion} from '../version.js'
import type {Io} from './io.js'

const usage = `Usage:
  copydesk lint [options] [PATH|GLOB|-]...   proofread drafts (copydesk lint --help: every option)
  copydesk lsp --stdio                       the language server, for editors
  copydesk rules [--json]                    every rule: id, default severity, fixable, description
  copydesk explain RULE                      why a rule exists, with live examples
  copydesk init [FOLDER]                     write a commented .copydeskrc.yaml (never overwrites one)
  copydesk help [COMMAND]                    this help, or a command's
  copydesk --version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 the run failed.
`

/** The registry's rule ids, each in backticks, comma-separated (loads the rules: only when asked). */
async function ruleList(): Promise<string> {
  const {rules} = await import('../../rules/index.js')
  return rules.map((rule) => `\`${rule.id}\``).join(', ')
}

/** Each command's own help (`copydesk help lint`, `copydesk lint --help`), loaded when asked. */
const commandUsage: Record<string, () => Promise<string> | string> = {
  lint: async () => (await import('./args.js')).lintUsage(),
  lsp: () => 'Usage: copydesk lsp --stdio\n\nStart the language server on standard input and output (for editors; see the README).\n',
  rules: () => 'Usage: copydesk rules [--json]\n\nList every rule: id, default severity, whether it is fixable, and what it flags.\n',
  explain: async () => `Usage: copydesk explain RULE\n\nSay why a rule exists, with its examples linted live. RULE is one of ${await ruleList()}.\n`,
  init: () => 'Usage: copydesk init [FOLDER]\n\nWrite a commented .copydeskrc.yaml in FOLDER (default: the working folder); never overwrites one.\n',
}

/** Whether a command's arguments ask for its help: `-h` or `--help` before any `--`. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--')
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')
}

/** The commands besides `lint`, `rules` and `explain`, registered by their modules. */
export const extraCommands = new Map<string, (args: readonly string[], io: Io) => Promise<number> | number>()

// Loaded on demand: `lint` never pays for the language server's modules.
extraCommands.set('lsp', async (args, io) => (await import('./lsp-command.js')).lspCommand(args, io))
extraCommands.set('init', async (args, io) => (await import('./init-command.js')).initCommand(args, io))

const commandNames = () => [...new Set(['lint', 'lsp', 'rules', 'explain', 'help', ...extraCommands.keys()])]

async function unknownCommand(command: string): Promise<RunError> {
  const {closestOf} = await import('../config/schema.js')
  const close = closestOf(commandNames(), command)
  return new RunError(
    `Unknown command \`${command}\`, ${close ? `did you mean \`${close}\`? Expected` : 'expected'} one of ${commandNames()
      .map((name) => `\`${name}\``)
      .join(', ')}`,
  )
}

/** Run the command line `args` (without node and the script); resolves to the exit status. */
export async function main(args: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = args
  try {
    if (command !== undefined && Object.hasOwn(commandUsage, command) && asksForHelp(rest)) {
      io.stdout.write(await commandUsage[command]())
      return 0
    }
    switch (command) {
      // Each command's modules are loaded when it runs: `--version` loads no rule, `rules`
      // no formatter, and a lint run only the formatter it prints with.
      case 'lint':
        return await (await import('./lint-command.js')).lintCommand(rest, io)
      case 'rules':
        return (await import('./rules-command.js')).rulesCommand(rest, io)
      case 'explain':
        if (rest.length === 0) throw new RunError(`Missing rule: \`copydesk explain RULE\`, where RULE is one of ${await ruleList()}`)
        return await (await import('./rules-command.js')).explainCommand(rest, io)
      case '--version':
      case '-v':
        io.stdout.write(copydeskVersion() + '\n')
        return 0
      case '--help':
      case '-h':
      case 'help': {
        const topic = rest[0]
        if (topic === undefined) io.stdout.write(usage)
        else if (Object.hasOwn(commandUsage, topic)) io.stdout.write(await commandUsage[topic]())
        else throw await unknownCommand(topic)
        return 0
      }
      case undefined:
        io.stderr.write(usage)
        return 2
      default: {
        const extra = extraCommands.get(command)
        if (extra) return await extra(rest, io)
        throw await unknownCommand(command)
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
