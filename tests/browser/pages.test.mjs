// Browser tests of what readers see at 1280 and 390 px (issue 15): axe-core and html-validate over every
// page type, job boxes beside listings and on the home page, the jobs search (council names, the
// Featured label, Newest order, filters behind a button on phones), applied search filters, the compact
// phone header with a menu that works without JavaScript, and the councils register's filter.
//
// Environment: GAZETTE_BIN (the binary), CHROMIUM (the browser).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { HtmlValidate } from 'html-validate';
import { CHROMIUM, startDemoServer } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [1280, 390];
const STEP_TIMEOUT_MS = 10_000;

// Two rules of the recommended set are relaxed, on purpose: checkboxes sharing a name are how a form
// sends a list of choices (the subscription page's categories), and a page's title is the advert's or
// article's own (a search engine shortening a long one is no fault in the markup).
const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
    'long-title': 'off',
  },
});

let site;
let browser;
let pages; // page type -> path, found by following the site's own links

async function withPage(options, fn) {
  const context = await browser.newContext({ baseURL: site.baseURL, viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  try {
    return await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

const text = async (locator) => (await locator.textContent()).trim();

async function firstHref(path, selector) {
  const html = await (await fetch(site.baseURL + path)).text();
  const m = html.match(new RegExp(`href="(${selector}[^"]*)"`));
  assert.ok(m, `a link matching ${selector} on ${path}`);
  return m[1].replace(/&amp;/g, '&');
}

describe('what readers see, at 1280 and 390 px', () => {
  before(async () => {
    site = await startDemoServer();
    browser = await chromium.launch({ executablePath: CHROMIUM });
    const article = await firstHref('/', '/news/\\d{4}/');
    pages = {
      home: '/',
      article,
      section: '/news',
      author: await firstHref(article, '/authors/'),
      tag: await firstHref(article, '/tags/'),
      council: await firstHref('/councils', '/councils/[a-z]'),
      councils: '/councils',
      'search with results': '/search?q=council',
      'search without results': '/search?q=zqxwvy',
      jobs: '/jobs',
      job: await firstHref('/jobs', '/jobs/\\d+/'),
      subscribe: '/subscribe',
      404: '/no-such-page',
      'newsroom sign-in': '/newsroom/login',
    };
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('html-validate finds nothing in the served HTML of every page type', async () => {
    const problems = [];
    for (const [type, path] of Object.entries(pages)) {
      const html = await (await fetch(site.baseURL + path)).text();
      const report = await htmlValidate.validateString(html);
      for (const r of report.results)
        for (const m of r.messages) problems.push(`${type} (${path}): ${m.ruleId}: ${m.message}`);
    }
    assert.deepEqual(problems, []);
  });

  for (const width of WIDTHS) {
    test(`axe-core finds no violation on any page type at ${width} px`, async () => {
      // The CSP allows no inline script, so the test's own axe-core is let in by bypassing it.
      await withPage({ viewport: { width, height: 800 }, bypassCSP: true }, async (page) => {
        const found = [];
        for (const [type, path] of Object.entries(pages)) {
          await page.goto(path);
          await page.addScriptTag({ content: AXE_SOURCE });
          const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
          for (const v of violations)
            found.push(`${type} (${path}): ${v.id} [${v.impact}] ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
        assert.deepEqual(found, []);
      });
    });
  }

  for (const width of WIDTHS) {
    test(`job boxes have a real heading, sit beside or before the page links, and the home page has one (${width} px)`, async () => {
      await withPage({ viewport: { width, height: 800 } }, async (page) => {
        await page.goto('/news');
        const box = page.locator('aside.job-box');
        const heading = await text(box.locator('h2'));
        assert.equal(heading, 'Latest jobs', 'News is no job category: an honest "Latest jobs"');
        assert.ok(await box.locator('li a').count() > 0);
        const boxRect = await box.boundingBox();
        const pagination = await page.locator('nav.pagination').boundingBox();
        const list = await page.locator('ol.article-list').boundingBox();
        if (width >= 1280) {
          assert.ok(boxRect.x >= list.x + list.width, 'the box is beside the list');
          assert.ok(boxRect.y < list.y + 200, 'the box starts at the top of the list');
        } else {
          assert.ok(boxRect.y < pagination.y, 'the box comes before the page links');
        }
        await page.goto('/');
        assert.equal(await text(page.locator('aside.job-box h2')), 'Latest jobs');
      });
    });
  }

  test('the jobs council filter takes a name, says what it matched, and says when nothing matches', async () => {
    await withPage({}, async (page) => {
      await page.goto('/jobs');
      const council = page.getByLabel('Council', { exact: true });
      assert.equal(await council.count(), 1, 'a field labelled Council, not "Council (slug)"');
      const employer = await text(page.locator('ol.job-list .employer a').first());
      const place = employer.replace(/^(London Borough of|Royal Borough of|City of) /, '').split(' ')[0];
      await page.goto(`/jobs?council=${encodeURIComponent(place)}`);
      const applied = page.locator('.applied-filters');
      assert.match(await text(applied), new RegExp(`Council: .*${place}`));
      const employers = await page.locator('ol.job-list .employer a').allTextContents();
      assert.ok(employers.length > 0, `jobs at ${place}`);
      const total = parseInt(await text(page.locator('#results-heading')), 10);
      await page.goto('/jobs');
      assert.ok(total < parseInt(await text(page.locator('#results-heading')), 10), 'the name narrowed the list');
      await page.goto('/jobs?council=Nowhere+Borough+Council');
      assert.match(await text(page.locator('.job-results .empty')), /There is no council called "Nowhere Borough Council"/);
      assert.equal(await page.locator('ol.job-list li').count(), 0, 'an unknown council is no silent "every job"');
      assert.match(await text(page.locator('#results-heading')), /^0 jobs/);
    });
  });

  test('featured adverts say so in words, and Newest lists them by date only', async () => {
    await withPage({}, async (page) => {
      await page.goto('/jobs');
      const featured = page.locator('ol.job-list li.featured');
      assert.ok(await featured.count() > 0, 'the demo has featured adverts');
      for (const card of await featured.all()) assert.equal(await text(card.locator('.badge')), 'Featured');
      await page.goto('/jobs?sort=newest');
      const posted = (await page.locator('ol.job-list li .meta').allTextContents())
        .map((m) => Date.parse(m.match(/Posted (\d+ \w+ \d{4})/)[1]));
      for (let i = 1; i < posted.length; ++i) assert.ok(posted[i] <= posted[i - 1], 'newest first, featured or not');
    });
  });

  test('on a phone the jobs filters fold behind a button and the first result is on the first screen', async () => {
    await withPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false }, async (page) => {
      await page.goto('/jobs');
      const category = page.getByLabel('Category');
      assert.equal(await category.isVisible(), false, 'filters are folded away');
      const first = await page.locator('ol.job-list li').first().boundingBox();
      assert.ok(first.y < 844, `the first result starts ${first.y} px down`);
      await page.locator('summary', { hasText: 'Filters' }).click();
      assert.equal(await category.isVisible(), true, 'the Filters button opens them without JavaScript');
    });
    await withPage({}, async (page) => {
      await page.goto('/jobs');
      assert.equal(await page.getByLabel('Category').isVisible(), true, 'wide screens show the filters');
      assert.equal(await page.locator('summary', { hasText: 'Filters' }).isVisible(), false);
    });
  });

  test('search shows what it is limited to, each filter removable, and a council alone lists its articles', async () => {
    await withPage({}, async (page) => {
      const council = pages.council.slice('/councils/'.length);
      await page.goto(`/search?q=council&council=${council}`);
      const applied = page.locator('.applied-filters');
      assert.ok(await applied.isVisible(), 'the filters are shown, not folded away');
      assert.match(await text(applied), /Council: /);
      await applied.getByRole('link', { name: /Remove/ }).click();
      await page.waitForURL((url) => !url.searchParams.has('council'));
      assert.equal(new URL(page.url()).searchParams.get('q'), 'council');
      await page.goto(`/search?council=${council}`);
      const results = await page.locator('ol.search-results article').count();
      const message = await text(page.locator('main .empty'));
      assert.ok(results > 0 || /No articles/.test(message), 'a council-only search has results or says why not');
      assert.ok(message.length > 0, 'and says what the list is');
    });
  });

  test('on a phone the header is one compact line and its menu opens without JavaScript', async () => {
    await withPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false }, async (page) => {
      await page.goto('/');
      const header = await page.locator('header.site-header').boundingBox();
      assert.ok(header.height <= 80, `the header is ${header.height} px tall`);
      const nav = page.getByRole('navigation', { name: 'Sections' });
      assert.equal(await nav.isVisible(), false, 'the sections are behind the menu');
      // Focus order: skip link, site name, then the menu button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Menu');
      await page.keyboard.press('Enter');
      assert.equal(await nav.isVisible(), true, 'Enter on Menu opens it');
      await nav.getByRole('link', { name: 'Jobs' }).click();
      await page.waitForURL((url) => url.pathname === '/jobs');
    });
    await withPage({}, async (page) => {
      await page.goto('/');
      assert.equal(await page.getByRole('navigation', { name: 'Sections' }).isVisible(), true);
      assert.equal(await page.locator('summary', { hasText: 'Menu' }).isVisible(), false, 'no menu button on wide screens');
    });
  });

  test('the councils register has jump links and a name filter that works without JavaScript', async () => {
    await withPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false }, async (page) => {
      await page.goto('/councils');
      const full = await page.evaluate(() => document.documentElement.scrollHeight);
      const jump = page.getByRole('navigation', { name: 'Council groups' });
      assert.ok(await jump.getByRole('link').count() > 4, 'jump links to nations and types');
      await page.getByLabel('Name contains').fill('maid');
      await page.getByRole('button', { name: 'Find councils' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'maid');
      const names = await page.locator('ul.council-list li > a').allTextContents();
      assert.ok(names.length > 0 && names.every((n) => /maid/i.test(n)), `only names with "maid": ${names}`);
      const filtered = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(filtered < full / 4, `filtered ${filtered} px against ${full} px`);
      await page.goto('/councils?nation=wales');
      const headings = await page.locator('main h2').allTextContents();
      assert.deepEqual(headings.map((h) => h.trim()), ['Wales']);
    });
    // With JavaScript the list narrows as the reader types, before any search is sent.
    await withPage({ viewport: { width: 390, height: 844 } }, async (page) => {
      await page.goto('/councils');
      await page.getByLabel('Name contains').pressSequentially('maid');
      await page.waitForFunction(() => document.getElementById('council-live').textContent.includes('match'));
      const visible = await page.locator('ul.council-list li:visible > a').allTextContents();
      assert.ok(visible.length > 0 && visible.every((n) => /maid/i.test(n)), `as typed: ${visible}`);
      assert.equal(new URL(page.url()).search, '', 'no request was needed');
    });
  });
});
