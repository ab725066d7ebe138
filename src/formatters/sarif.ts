/**
 * `--format sarif`: a SARIF 2.1.0 log (what GitHub code scanning and other CI tools read):
 * `tool.driver.rules` from each rule's meta, one result per message with its region, the
 * flagged text as a snippet and each suggestion as a fix.
 */
import {pathToFileURL} from 'node:url'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {isCertain} from '../fix/certain.js'
import {contextAround, describeFix} from '../fix/describe.js'
import {messageRange} from '../fix/range.js'
import {homepage, ruleUrl} from '../pipeline/rule-url.js'
import type {MessageFields, Rule, Severity} from '../rule.js'
import {copydeskVersion} from '../version.js'
import {messagePoints, severityOf, stoppedReason} from './message.js'
import {fileUri, isStdin, relativePath, relativeUri} from './paths.js'
import {stringifyWithLastArray} from './pieces.js'
import type {FormatterContext, StreamingFormatter} from './types.js'

/** The SARIF version and schema this formatter writes. */
export const sarifSchema = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

/** The base id that result URIs are relative to: the folder copydesk ran in. */
export const sourceRoot = '%SRCROOT%'

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

/** The SARIF log in pieces (see `pieces.ts`): each result made when its turn comes. */
function* pieces(files: readonly VFile[], context: FormatterContext): Generator<string> {
  const version = copydeskVersion()
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]))
  const log = {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'copydesk',
            version,
            semanticVersion: version,
            informationUri: homepage,
            rules: context.rules.map(toReportingDescriptor),
          },
        },
        originalUriBaseIds: {[sourceRoot]: {uri: directoryUri(context.cwd)}},
        ...invocationsOf(files, context.cwd),
        columnKind: 'utf16CodeUnits',
        // The last value of the log: the results come in its place, one at a time.
        results: [],
      },
    ],
  }
  const results = function* () {
    for (const file of files) for (const message of file.messages) yield toResult(file, message, context.cwd, ruleIndex)
  }
  yield* stringifyWithLastArray(log, results())
  yield '\n'
}

/** The SARIF log. */
export const sarif: StreamingFormatter = Object.assign((files: readonly VFile[], context: FormatterContext) => [...pieces(files, context)].join(''), {pieces})

function toReportingDescriptor(rule: Rule) {
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: {text: rule.meta.description},
    fullDescription: {text: rule.meta.why},
    helpUri: ruleUrl(rule.id),
    help: {text: `${rule.meta.description} ${rule.meta.why}\nBad: ${rule.meta.examples.bad}\nGood: ${rule.meta.examples.good}`},
    defaultConfiguration: {level: levels[rule.meta.severity]},
    properties: {fixable: rule.meta.fixable, tags: ['copydesk', 'editorial']},
  }
}

function toResult(file: VFile, message: VFileMessage, cwd: string, ruleIndex: ReadonlyMap<string, number>) {
  const fields = message as VFileMessage & MessageFields
  const ruleId = message.ruleId ?? 'copydesk'
  const index = ruleIndex.get(ruleId)
  const artifactLocation = artifactLocationOf(file, cwd)
  const region = regionOf(message)
  const snippet = fields.actual ?? ''
  const certain = isCertain(message)
  const result: Record<string, unknown> = {
    ruleId,
    ...(index === undefined ? {} : {ruleIndex: index}),
    level: levels[severityOf(message)],
    message: {text: message.reason},
    locations: [{physicalLocation: {artifactLocation, region: snippet ? {...region, snippet: {text: snippet}} : region}}],
  }
  const suggestions = fields.expected ?? []
  if (suggestions.length > 0) {
    const source = String(file.value ?? '')
    const range = messageRange(source, message)
    const context = range ? contextAround(source, range.start, range.end) : {}
    result.fixes = suggestions.map((text, position) => ({
      description: {text: describeFix(snippet, text, context)},
      artifactChanges: [{artifactLocation, replacements: [{deletedRegion: region, insertedContent: {text}}]}],
      // What `copydesk lint --fix` would apply unattended.
      properties: {certain: certain && position === 0},
    }))
  }
  if (message.note) result.properties = {note: message.note}
  return result
}

function regionOf(message: VFileMessage) {
  const {start, end} = messagePoints(message)
  return {startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column}
}

/**
 * A draft whose report stops at its message limit (`limitMessages`) is a warning of the run
 * (SARIF's tool execution notification), at the line of its last result.
 */
function invocationsOf(files: readonly VFile[], cwd: string): {invocations?: unknown[]} {
  const notifications = files.flatMap((file) => {
    const stopped = file.data.copydeskStopped
    if (!stopped) return []
    return [
      {
        level: 'warning',
        message: {text: stoppedReason(stopped)},
        locations: [{physicalLocation: {artifactLocation: artifactLocationOf(file, cwd), region: {startLine: stopped.line, startColumn: stopped.column}}}],
      },
    ]
  })
  return notifications.length === 0 ? {} : {invocations: [{executionSuccessful: true, toolExecutionNotifications: notifications}]}
}

function artifactLocationOf(file: VFile, cwd: string): {uri: string; uriBaseId?: string} {
  if (isStdin(file)) return {uri: 'stdin'}
  const relative = relativePath(file, cwd)
  if (relative !== undefined) return {uri: relativeUri(relative), uriBaseId: sourceRoot}
  return {uri: fileUri(file, cwd)}
}

/** A folder's `file://` URI, ending in `/` as SARIF requires of a base. */
function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href
  return href.endsWith('/') ? href : href + '/'
}
