// copydesk for VS Code: starts `copydesk lsp --stdio` for plain text and Markdown documents.
const vscode = require('vscode')
const {LanguageClient, TransportKind} = require('vscode-languageclient/node')

/** @type {LanguageClient | undefined} */
let client

/** Start the language server with the command from the `copydesk.command` setting. */
exports.activate = async (context) => {
  const [command, ...args] = vscode.workspace.getConfiguration('copydesk').get('command') ?? ['copydesk', 'lsp', '--stdio']
  client = new LanguageClient(
    'copydesk',
    'copydesk',
    {command, args, transport: TransportKind.stdio},
    {
      documentSelector: [
        {scheme: 'file', language: 'plaintext'},
        {scheme: 'file', language: 'markdown'},
        {scheme: 'untitled', language: 'plaintext'},
        {scheme: 'untitled', language: 'markdown'},
      ],
      // Sends the `copydesk` settings section to the server, and again whenever it changes.
      synchronize: {configurationSection: 'copydesk'},
    },
  )
  context.subscriptions.push({dispose: () => client?.stop()})
  await client.start()
}

exports.deactivate = () => client?.stop()
