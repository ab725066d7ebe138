/**
 * The contract's “Never flagged” list, with every rule on: each form inside a sentence of
 * clean copy yields no message at all.
 */
import {describe, expect, it} from 'vitest'
import {lint} from '../src/pipeline/lint.js'

const neverFlagged: ReadonlyArray<readonly [string, string]> = [
  ['5,000', 'The fighting kills more than 5,000 soldiers a week.'],
  ['3.5', 'The economy grew 3.5 percent last year.'],
  ['1,250.75', 'The fund paid out $1,250.75 to each family.'],
  ['10:30', 'The talks resumed at 10:30 in Geneva.'],
  ['3:1', 'The board approved the plan by a 3:1 margin.'],
  ['U.S.', 'The U.S. delegation arrived on Monday.'],
  ['U.K.', 'The U.K. government said it would respond.'],
  ['e.g.', 'Some cities, e.g. Lyon and Porto, saw protests.'],
  ['i.e.', 'The plan covers the capital, i.e. Kyiv, and its suburbs.'],
  ['Ph.D.', 'She earned a Ph.D. in economics from Harvard.'],
  ['a.m.', 'The vote is set for 9 a.m. on Thursday.'],
  ['Dr.', 'Dr. Amina Yusuf led the study.'],
  ['J.R.R. Tolkien', 'The auction included letters by J.R.R. Tolkien.'],
  ['example.com', 'The ministry posted the rules on example.com last week.'],
  ['news@example.org', 'Readers can write to news@example.org with tips.'],
  ['report.pdf', 'The findings are in report.pdf, published on Friday.'],
  ['version 2.1.3', 'The agency released version 2.1.3 of the app.'],
  ['iPhone', 'Apple said iPhone sales rose in China.'],
  ['eBay', 'The seller listed the painting on eBay in May.'],
  ['bell hooks', 'The course reads essays by bell hooks and James Baldwin.'],
  ['de Gaulle', 'The ceremony was held at the airport named after de Gaulle.'],
  ['van Gogh', 'The museum lent two paintings by van Gogh to the exhibition.'],
  ['von der Leyen', 'Ursula von der Leyen spoke after the summit.'],
  ['da Silva', 'Luiz Inácio Lula da Silva welcomed the agreement.'],
  ['...', 'He paused... and then he left the room.'],
  ['—', 'The deal — the first in a decade — was signed on Friday.'],
  ['a sentence that starts with a digit', 'The council met twice.\n2024 was a difficult year for the city.'],
  ['a sentence that starts with a quotation mark', 'The minister spoke briefly.\n“We will not give up,” she said.'],
  ['had had', 'By then the negotiators had had enough.'],
  ['very, very', 'It has been a very, very long night.'],
  ['names with accents', 'Recep Tayyip Erdoğan met Kylian Mbappé in Gdańsk before flying to São Paulo.'],
  ['possessives', 'Zelensky’s office and Peskov’s statement were both brief.'],
  ['particles', 'Crown Prince Mohammed bin Salman met Charles de Gaulle’s grandson.'],
  ['k.d. lang', 'The concert featured k.d. lang and a string quartet.'],
]

describe('never flagged (CONTRACT.md)', () => {
  for (const [form, text] of neverFlagged) {
    it(form, async () => {
      const file = await lint(`${text}\n`)
      expect(file.messages.map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([])
    })
  }
})
