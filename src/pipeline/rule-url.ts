/** Where each rule's documentation lives. */

/** The project's home; rule docs are `docs/rules/<id>.md` there. */
export const homepage = 'https://github.com/copydesk/copydesk'

/** The documentation URL of a rule. */
export function ruleUrl(id: string): string {
  return `${homepage}/blob/main/docs/rules/${id}.md`
}
