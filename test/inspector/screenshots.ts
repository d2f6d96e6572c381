// npm run screenshots: the README's pictures of the inspector, taken from a real run in Debian's chromium.
import { fileURLToPath } from 'node:url'
import { launchBrowser } from './helpers/browser.js'
import { startInspectedRun } from './helpers/run.js'

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url))

const run = await startInspectedRun({ LOG_LEVEL: 'silent' })
const browser = await launchBrowser()
try {
  const page = await browser.context.newPage()
  await page.goto(run.inspector.url)
  await page.waitForSelector('#live.on')
  const verdict = await run.loop.run()
  run.inspector.setVerdict(verdict)
  const cryptoId = verdict.rows[0]?.captureId ?? ''
  await page.waitForSelector('#verdict-word')
  // A few actions, so the list shows what they produce: a replay (a duplicate) and a tampered replay.
  await page.click(`#rows tr[data-id="${cryptoId}"]`)
  await page.waitForSelector('#replay')
  await page.click('#replay')
  await page.waitForSelector('#replay-result[data-errcode="0"]')
  await page.click('button.tamper[data-tamper="body"]')
  await page.waitForSelector('#replay-result[data-errcode="300"]')
  await page.waitForFunction('document.querySelectorAll("#rows tbody tr").length >= 4')
  await page.click(`#rows tr[data-id="${cryptoId}"]`)
  await page.waitForSelector(`#detail-pane[data-id="${cryptoId}"] .plaintext`)
  await page.evaluate('document.getElementById("list-pane").scrollLeft = 0')
  await page.screenshot({ path: docs('inspector-list.png') })
  await page.locator('#detail-pane section.signature').scrollIntoViewIfNeeded()
  await page.locator('#detail-pane').screenshot({ path: docs('inspector-detail.png') })
  process.stderr.write('wrote docs/inspector-list.png and docs/inspector-detail.png\n')
} finally {
  await browser.close()
  await run.close()
}
