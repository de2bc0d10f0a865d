// Browser tests: an editor's journeys through the newsroom in Debian's Chromium, driven by
// playwright-core. Two tabs editing one article: the second save is refused with both texts shown
// and nothing lost; preview in a tab of its own; markup typed into the editor stays text.
//
// Environment: GAZETTE_BIN (the binary under test), CHROMIUM (default /usr/bin/chromium).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startDemoServer } from './harness.mjs';

const STEP_TIMEOUT_MS = 10_000;
const EDITOR = { email: 'tabs@example.org', password: 'a long two-tabs passphrase', role: 'editor', name: 'Tab Editor' };

let site, baseURL, browser;

async function signIn(page) {
  await page.goto('/newsroom/login');
  await page.getByLabel('Email', { exact: true }).fill(EDITOR.email);
  await page.getByLabel('Password', { exact: true }).fill(EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/newsroom');
}

// Creates an article through the editor; returns its editor's path.
async function createArticle(page, headline, body) {
  await page.goto('/newsroom/articles/new');
  await page.getByLabel('Headline', { exact: true }).fill(headline);
  await page.getByLabel('Standfirst', { exact: true }).fill('A standfirst.');
  await page.getByLabel('Body (Markdown)', { exact: true }).fill(body);
  await page.getByLabel('Status', { exact: true }).selectOption('published');
  await page.getByRole('button', { name: 'Create article' }).click();
  await page.waitForURL(/\/newsroom\/articles\/\d+\?saved=1$/);
  return new URL(page.url()).pathname;
}

describe('an editor in Chromium', () => {
  before(async () => {
    site = await startDemoServer({ articles: 20, jobs: 0, users: [EDITOR] });
    baseURL = site.baseURL;
    browser = await launchBrowser();
  });

  after(async () => {
    try {
      if (browser) await browser.close();
    } finally {
      if (site) await site.stop();
    }
  });

  test('two tabs edit one article: the later save is refused with both texts, then saved knowingly', async () => {
    const context = await browser.newContext({ baseURL });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    try {
      const first = await context.newPage();
      await signIn(first);
      const editorPath = await createArticle(first, 'Two tabs on one council story', 'The original paragraph.');
      const second = await context.newPage(); // the same person, a second tab, same session
      await first.goto(editorPath);
      await second.goto(editorPath);

      await first.getByLabel('Body (Markdown)', { exact: true }).fill('The first tab rewrote this.');
      await first.getByRole('button', { name: 'Save', exact: true }).click();
      await first.waitForURL(/\?saved=1$/);
      assert.match(await first.locator('.form-saved').textContent(), /Saved/);

      await second.getByLabel('Body (Markdown)', { exact: true }).fill('The second tab wrote something else.');
      const [response] = await Promise.all([
        second.waitForResponse((r) => r.request().method() === 'POST'),
        second.getByRole('button', { name: 'Save', exact: true }).click(),
      ]);
      assert.equal(response.status(), 409);
      await second.waitForLoadState();
      assert.match(await second.getByRole('alert').textContent(), /someone else saved this article/);
      assert.equal(await second.getByLabel('Body (Markdown)', { exact: true }).inputValue(), 'The second tab wrote something else.',
                   'the refused text is still in the form');
      assert.match(await second.getByLabel('Their text', { exact: true }).inputValue(), /The first tab rewrote this\./);
      const diff = await second.locator('pre.diff').textContent();
      assert.match(diff, /- The first tab rewrote this\./);
      assert.match(diff, /\+ The second tab wrote something else\./);

      // Merging by hand and saving again replaces the newer version knowingly.
      await second.getByLabel('Body (Markdown)', { exact: true }).fill('Both tabs, merged.');
      await second.getByRole('button', { name: 'Save', exact: true }).click();
      await second.waitForURL(/\?saved=1$/);
      assert.equal(await second.getByLabel('Body (Markdown)', { exact: true }).inputValue(), 'Both tabs, merged.');
      await second.goto(`${editorPath}/revisions`);
      assert.equal(await second.locator('table.newsroom-table tbody tr').count(), 3);
    } finally {
      await context.close();
    }
  });

  test('preview shows typed markup as text, in the readers\' page, without saving', async () => {
    const context = await browser.newContext({ baseURL });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    try {
      const page = await context.newPage();
      await signIn(page);
      const editorPath = await createArticle(page, 'A story to preview', 'Plain text.');
      await page.goto(editorPath);
      await page.getByLabel('Headline', { exact: true }).fill('<script>window.pwned = 1</script><b>bold</b>');
      const [preview] = await Promise.all([
        context.waitForEvent('page'),
        page.getByRole('button', { name: 'Preview' }).click(),
      ]);
      await preview.waitForLoadState();
      assert.equal(await preview.locator('h1').textContent(), '<script>window.pwned = 1</script><b>bold</b>');
      assert.equal(await preview.evaluate(() => window.pwned), undefined);
      assert.match(await preview.locator('meta[name=robots]').getAttribute('content'), /noindex/);
      await page.goto(editorPath);
      assert.equal(await page.getByLabel('Headline', { exact: true }).inputValue(), 'A story to preview', 'nothing was saved');
    } finally {
      await context.close();
    }
  });
});
