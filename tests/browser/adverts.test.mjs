// Browser tests: adverts from recruiters in Debian's Chromium, driven by playwright-core. An editor adds
// an organisation and puts a recruiter in it; the recruiter posts an advert, seeing the as-you-type
// checks; an editor approves it from the moderation queue; it appears on /jobs with an Apply button
// that links to the application address. Markup typed into the advert stays text.
//
// Environment: GAZETTE_BIN (the binary under test), CHROMIUM (default /usr/bin/chromium).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startDemoServer } from './harness.mjs';

const STEP_TIMEOUT_MS = 10_000;
const EDITOR = { email: 'moderator@example.org', password: 'a long moderator passphrase', role: 'editor',
                 name: 'Mo Derator' };
const RECRUITER = { email: 'hiring@example.org', password: 'a long recruiting passphrase', role: 'recruiter',
                    name: 'Rhea Cruiter' };

let site, baseURL, browser;

async function signIn(page, person) {
  await page.goto('/newsroom/login');
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/newsroom');
}

describe('adverts from recruiters in Chromium', () => {
  before(async () => {
    site = await startDemoServer({ articles: 5, jobs: 0, users: [EDITOR, RECRUITER] });
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

  test('a recruiter posts an advert, an editor approves it, and it is on /jobs with an Apply button', async () => {
    const editorContext = await browser.newContext({ baseURL });
    const recruiterContext = await browser.newContext({ baseURL });
    editorContext.setDefaultTimeout(STEP_TIMEOUT_MS);
    recruiterContext.setDefaultTimeout(STEP_TIMEOUT_MS);
    try {
      // The editor adds the organisation and puts the recruiter in it.
      const editor = await editorContext.newPage();
      await signIn(editor, EDITOR);
      await editor.getByRole('link', { name: 'Organisations' }).click();
      await editor.getByLabel('Name (as the jobs board shows the employer)').fill('Wessex Fire and Rescue Service');
      await editor.getByRole('button', { name: 'Add the organisation' }).click();
      await editor.waitForURL(/\/newsroom\/organisations\?done=1$/);
      await editor.getByLabel(`Organisation of ${RECRUITER.name}`)
        .selectOption({ label: 'Wessex Fire and Rescue Service' });
      await editor.locator('table.recruiters').getByRole('button', { name: 'Set' }).click();
      await editor.waitForURL(/\/newsroom\/organisations\?done=1$/);

      // The recruiter posts an advert; the checks speak as they type.
      const recruiter = await recruiterContext.newPage();
      await signIn(recruiter, RECRUITER);
      await recruiter.getByRole('link', { name: 'Adverts' }).click();
      await recruiter.getByRole('link', { name: 'Post an advert' }).click();
      const title = recruiter.getByLabel('Job title', { exact: true });
      await title.fill('Fire safety inspector £32k');
      await recruiter.locator('#problems-title').getByText(/put pay in the Salary field/).waitFor();
      await title.fill('Fire safety inspector <script>window.pwned = 1</script>');
      await recruiter.locator('#problems-title .field-problem').waitFor({ state: 'detached' });
      await recruiter.getByLabel('Location', { exact: true }).fill('Casterbridge');
      await recruiter.getByLabel('Salary', { exact: true }).fill('£31,000 - £34,000 a year');
      await recruiter.getByLabel('Contract', { exact: true }).selectOption('permanent');
      await recruiter.getByLabel('Hours', { exact: true }).selectOption('full-time');
      await recruiter.getByLabel('Closing date', { exact: true }).fill('2099-03-31');
      await recruiter.getByLabel('Description (Markdown)', { exact: true })
        .fill('Inspect **premises** across the county. <img src=x onerror="window.pwned=2">');
      await recruiter.getByLabel("Application form's web address").fill('https://careers.wessex-fire.example/apply/77');
      await recruiter.getByRole('button', { name: 'Post the advert' }).click();
      await recruiter.waitForURL(/\/newsroom\/adverts\/\d+\?done=saved$/);
      const advertPath = new URL(recruiter.url()).pathname;
      assert.match(await recruiter.locator('.advert-status').textContent(), /pending/);
      assert.equal(await recruiter.evaluate(() => window.pwned), undefined);

      // The editor approves it from the moderation queue.
      await editor.goto('/newsroom/adverts');
      await editor.locator('table.moderation-queue').getByRole('link', { name: /Fire safety inspector/ }).click();
      await editor.waitForURL((url) => url.pathname === advertPath);
      await editor.getByRole('button', { name: /Approve/ }).click();
      await editor.waitForURL(/\?done=approve$/);
      assert.match(await editor.locator('.advert-status').textContent(), /live/);

      // A reader finds it on /jobs, with an Apply button to the application form.
      const reader = await (await browser.newContext({ baseURL })).newPage();
      await reader.goto('/jobs');
      await reader.getByRole('link', { name: /Fire safety inspector/ }).first().click();
      await reader.waitForURL(/\/jobs\/\d+\//);
      assert.equal(await reader.locator('h1').textContent(), 'Fire safety inspector <script>window.pwned = 1</script>');
      const apply = reader.getByRole('link', { name: 'Apply', exact: true });
      assert.equal(await apply.getAttribute('href'), 'https://careers.wessex-fire.example/apply/77');
      assert.equal(await reader.evaluate(() => window.pwned), undefined, 'typed markup stays text');
      await reader.context().close();
    } finally {
      await editorContext.close();
      await recruiterContext.close();
    }
  });
});
