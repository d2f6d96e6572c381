import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { CaptureRecord } from '../../src/capture/record.js'
import type { Verdict } from '../../src/verdict/verdict.js'
import { notDeliveredLine } from '../../src/capture/record-notes.js'
import { launchBrowser } from './helpers/browser.js'
import { IMG, SCRIPT, sendHostileDelivery } from './helpers/hostile.js'
import { startInspectedRun, type InspectedRun } from './helpers/run.js'

let run: InspectedRun
let browser: { context: BrowserContext; close: () => Promise<void> }
let page: Page
let verdict: Verdict
const dialogs: string[] = []

const rowCount = (p: Page, errcode: number) => p.locator(`#rows tbody tr[data-errcode="${errcode}"]`).count()
/** Waits until the list holds more rows with this errcode than before: the signal that a new delivery arrived live. */
const waitForRows = (p: Page, errcode: number, atLeast: number) =>
  p.waitForFunction(`document.querySelectorAll('#rows tbody tr[data-errcode="${errcode}"]').length >= ${atLeast}`)

beforeAll(async () => {
  run = await startInspectedRun()
  browser = await launchBrowser()
  page = await browser.context.newPage()
  page.on('dialog', d => { dialogs.push(d.message()); void d.dismiss() })
  await page.goto(run.inspector.url)
  // Subscribed before anything is sent: what follows can only appear through the live stream.
  await page.waitForSelector('#live.on')
  verdict = await run.loop.run()
  run.inspector.setVerdict(verdict)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await run?.close()
})

describe('the inspector in a real Chromium', () => {
  it('shows both deliveries of the run live, newest first, with the verdict', async () => {
    expect(verdict.pass).toBe(true)
    const [crypto, signature] = verdict.rows
    await page.waitForSelector(`#rows tr[data-id="${crypto?.captureId}"]`)
    await page.waitForSelector(`#rows tr[data-id="${signature?.captureId}"]`)
    const ids = await Promise.all((await page.locator('#rows tbody tr').all()).map(tr => tr.getAttribute('data-id')))
    expect(ids).toEqual([signature?.captureId, crypto?.captureId])
    const second = page.locator(`#rows tr[data-id="${signature?.captureId}"]`)
    expect(await second.locator('td.errcode').textContent()).toBe('300')
    expect(await second.locator('td.sig').textContent()).toBe('bad')
    expect(await second.locator('td.decrypted').textContent()).toBe('yes')
    expect(await page.locator('#verdict-word').textContent()).toBe('PASS')
  })

  it('detail shows the request, the sorted signature inputs with <token>, and the decrypted plaintext', async () => {
    const id = verdict.rows[0]?.captureId ?? ''
    await page.click(`#rows tr[data-id="${id}"]`)
    await page.waitForSelector(`#detail-pane[data-id="${id}"] .plaintext`)
    const plaintext = await page.locator('#detail-pane .plaintext').textContent()
    const payload = JSON.parse(plaintext ?? '') as Record<string, unknown>
    expect(payload.order_id).toMatch(/^MOCK/)
    const sorted = await page.locator('#detail-pane ol.sorted li').allTextContents()
    expect(sorted).toHaveLength(4)
    expect(sorted).toContain('<token>')
    expect(await page.locator('#detail-pane .request-line').textContent()).toMatch(/^POST \/nontax\/notify\?.*msg_signature=.* HTTP\/1\.1$/)
    expect(await page.locator('#detail-pane .hex').textContent()).toMatch(/^00000000 {2}7b 22/)
    expect(await page.locator('#detail-verdict').textContent()).toMatch(/^PASS/)
    expect(JSON.parse(await page.locator('#detail-pane .answer-data').textContent() ?? '')).toMatchObject({ order_id: payload.order_id })
    expect(await page.content()).not.toContain(run.config.secrets.token)
  })

  it('marks a live row, and its open detail, when its answer turns out not delivered (a correction arrives)', async () => {
    const id = verdict.rows[0]?.captureId ?? ''
    await page.click(`#rows tr[data-id="${id}"]`)
    await page.waitForSelector(`#detail-pane[data-id="${id}"] .plaintext`)
    expect(await page.locator('#detail-pane .not-delivered').count()).toBe(0)
    const { store, events } = run.loop.app.nontax
    const line = notDeliveredLine(await store.get(id) as CaptureRecord, new Date().toISOString())
    await store.correct(line)
    events.emit('correction', line)
    await page.waitForSelector(`#rows tr[data-id="${id}"] td.errcode[title]`)
    expect(await page.locator(`#rows tr[data-id="${id}"] td.errcode`).textContent()).toBe('0 · not delivered')
    await page.waitForSelector('#detail-pane .not-delivered')
  })

  it('replay answers 0 and a signature tamper answers 300, each a new live row', async () => {
    const zeros = await rowCount(page, 0)
    await page.click('#replay')
    await page.waitForSelector('#replay-result[data-errcode="0"]')
    await waitForRows(page, 0, zeros + 1)
    const fails = await rowCount(page, 300)
    await page.click('button.tamper[data-tamper="signature"]')
    await page.waitForSelector('#replay-result[data-errcode="300"]')
    await waitForRows(page, 300, fails + 1)
  })

  it('an edited plaintext is re-encrypted, re-signed, answered 0 and listed with the new order_id', async () => {
    await page.fill('#edit-order_id', 'EDITED-0001')
    await page.fill('#edit-fee', '1')
    await page.click('#edit-send')
    await page.waitForSelector('#edit-result[data-errcode="0"]')
    const row = page.locator('#rows tbody tr', { has: page.locator('td.order', { hasText: 'EDITED-0001' }) })
    await row.waitFor()
    expect(await row.getAttribute('data-errcode')).toBe('0')
    await row.click()
    await page.waitForSelector(`#detail-pane[data-id="${await row.getAttribute('data-id') ?? ''}"] .plaintext`)
    const payload = JSON.parse(await page.locator('#detail-pane .plaintext').textContent() ?? '') as Record<string, unknown>
    expect(payload).toMatchObject({ order_id: 'EDITED-0001', fee: 1 })
  })

  it('re-verify with a wrong token says 300, and the typed token appears nowhere on the page', async () => {
    const id = verdict.rows[0]?.captureId ?? ''
    await page.click(`#rows tr[data-id="${id}"]`)
    await page.waitForSelector(`#detail-pane[data-id="${id}"] #verify-token`)
    await page.fill('#verify-token', 'TypedWrongToken123')
    await page.click('#verify-go')
    await page.waitForSelector('#verify-result[data-errcode="300"]')
    expect(await page.locator('#verify-result').textContent()).toMatch(/0 → 300: the token typed into the page/)
    expect(await page.inputValue('#verify-token')).toBe('')
    expect(await page.content()).not.toContain('TypedWrongToken123')
  })

  it('copies as curl (to the receiver, never to a sender-chosen host) and downloads a HAR', async () => {
    const id = verdict.rows[1]?.captureId ?? ''
    await page.click(`#rows tr[data-id="${id}"]`)
    await page.waitForSelector(`#detail-pane[data-id="${id}"] #curl`)
    await page.click('#curl')
    await page.waitForSelector('#curl-result.done')
    expect(await page.locator('#curl-result').textContent()).toMatch(new RegExp(`^curl -sS --proto =http,https --proto-redir =http,https \\\\\n {2}--url '${run.loop.receiverUrl}/nontax/notify\\?`))
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#har')])
    const har = JSON.parse(await new Response(await download.createReadStream() as unknown as ReadableStream).text()) as { log: { entries: Array<{ request: { url: string } }> } }
    expect(har.log.entries[0]?.request.url).toMatch(/\/nontax\/notify\?wxnontaxstr=/)
  })

  it('filters by errcode, test kind and order_id', async () => {
    await page.fill('#f-errcode', '300')
    await page.waitForFunction('[...document.querySelectorAll("#rows tbody tr")].every(tr => tr.dataset.errcode === "300")')
    expect(await rowCount(page, 300)).toBeGreaterThanOrEqual(2)
    await page.fill('#f-errcode', '')
    await page.selectOption('#f-kind', 'crypto')
    await page.waitForFunction('[...document.querySelectorAll("#rows tbody tr")].every(tr => tr.dataset.test === "crypto")')
    expect(await page.locator('#rows tbody tr[data-test="crypto"]').count()).toBeGreaterThanOrEqual(3)
    await page.selectOption('#f-kind', '')
    await page.fill('#f-order', 'EDITED-0001')
    await page.waitForFunction('document.querySelectorAll("#rows tbody tr").length === 1')
    expect(await page.locator('#rows tbody td.order').textContent()).toBe('EDITED-0001')
    await page.fill('#f-order', '')
  })

  it('renders <script> and onerror markup from headers, query, body and plaintext as text, and runs none of it', async () => {
    const { orderId } = await sendHostileDelivery(run.config, run.loop.receiverUrl)
    const row = page.locator('#rows tbody tr', { has: page.locator('td.order', { hasText: SCRIPT }) })
    await row.waitFor()
    expect(await row.locator('td.order').textContent()).toBe(orderId)
    await row.click()
    // The detail of the row just clicked, not the one still shown from the previous test.
    await page.waitForSelector(`#detail-pane[data-id="${await row.getAttribute('data-id') ?? ''}"] .plaintext`)
    const detail = page.locator('#detail-pane')
    expect(await detail.locator('.request-line').textContent()).toContain('%3Cscript%3E')
    expect(await detail.locator('table.headers').textContent()).toContain(SCRIPT)
    expect(await detail.locator('.body-text').textContent()).toContain(JSON.stringify(SCRIPT + IMG).slice(1, -1))
    expect(await detail.locator('.plaintext').textContent()).toContain(JSON.stringify(orderId).slice(1, -1))
    expect(await page.evaluate('window.__pwned')).toBeUndefined()
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(1)
    expect(dialogs).toEqual([])
  })
})
