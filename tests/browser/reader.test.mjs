// Browser tests: a reader's journeys through Gazette in Debian's Chromium, driven by playwright-core.
//
// Builds a demo database with the real binary, serves it on a free loopback port and clicks
// through the site as a reader would: keyboard, navigation, pagination, bylines, topics, a
// phone-sized viewport and a browser with JavaScript turned off.
//
// Environment:
//   GAZETTE_BIN  the gazette binary (default /work/main/build/gazette)
//   CHROMIUM     the Chromium executable (default /usr/bin/chromium)
//   GAZETTE_SCREENSHOT  where the home-page screenshot goes (default /tmp/gazette-home.png)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { launchBrowser, startDemoServer } from './harness.mjs';

const SCREENSHOT = process.env.GAZETTE_SCREENSHOT || '/tmp/gazette-home.png';
const STEP_TIMEOUT_MS = 10_000; // any one wait for a page, selector or navigation

const EDITOR = { email: 'editor@example.org', password: 'a long browser-test passphrase', role: 'editor',
                 name: 'Browser Editor' };
let site, baseURL, browser;

// Runs fn(page, context) in a fresh browser context (own cookies, cache and options).
async function withPage(options, fn) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  try {
    const page = await context.newPage();
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

// Loads a page and checks the server answered it with a success status.
async function open(page, url) {
  const res = await page.goto(url);
  assert.ok(res, `no response for ${url}`);
  assert.equal(res.status(), 200, `${url} answered ${res.status()}`);
}

const sectionNav = (page) => page.getByRole('navigation', { name: 'Sections' });
const text = async (locator) => (await locator.textContent()).trim();

// A PNG made here (a gradient, RGB), so no picture file is read from anywhere.
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function makePng(width, height) {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set([x % 256, (y * 2) % 256, (x + y) % 256], row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr),
                        pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

// From the home page, clicks the lead story's headline; returns its headline and path.
async function openLeadArticle(page) {
  await open(page, '/');
  const link = page.locator('main article.lead h2 a');
  const headline = await text(link);
  assert.ok(headline.length > 0, 'the lead story has a headline');
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
  return { headline, href };
}

describe('a reader in Chromium', () => {
  before(async () => {
    site = await startDemoServer({ articles: 300, jobs: 300, users: [EDITOR] });
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

  test('the first Tab shows the skip link, and Enter moves focus into main', async () => {
    await withPage({}, async (page) => {
      await open(page, '/');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href') };
      });
      assert.deepEqual(focused, { tag: 'A', text: 'Skip to main content', href: '#main' });

      const skip = page.getByRole('link', { name: 'Skip to main content' });
      const box = await skip.boundingBox();
      const vp = page.viewportSize();
      assert.ok(box, 'the focused skip link is rendered');
      assert.ok(box.width > 0 && box.height > 0, `skip link has a size: ${JSON.stringify(box)}`);
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height,
                `focused skip link is inside the ${vp.width}x${vp.height} viewport: ${JSON.stringify(box)}`);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.closest('main#main') !== null);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    });
  });

  test('section navigation marks the current section, and "Older" pagination shows the next page', async () => {
    await withPage({}, async (page) => {
      await open(page, '/');
      const links = sectionNav(page).getByRole('link');
      assert.ok(await links.count() >= 2, 'the navigation lists sections');
      const newsLink = sectionNav(page).getByRole('link', { name: 'News', exact: true });
      const name = await text(newsLink);
      const href = await newsLink.getAttribute('href');
      await newsLink.click();
      await page.waitForURL((url) => url.pathname === href && url.search === '');

      assert.equal(await text(page.locator('main h1')), name);
      const current = sectionNav(page).locator('a[aria-current="page"]');
      assert.equal(await current.count(), 1, 'exactly one nav link is current');
      assert.equal(await text(current), name);
      assert.equal(await current.getAttribute('href'), href);

      const headlines = page.locator('main ol.article-list h2 a');
      const page1 = await headlines.allTextContents();
      assert.ok(page1.length > 0, 'page 1 lists articles');
      await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Older →' }).click();
      await page.waitForURL((url) => url.pathname === href && url.searchParams.get('page') === '2');
      assert.equal(new URL(page.url()).search, '?page=2');

      const page2 = await headlines.allTextContents();
      assert.ok(page2.length > 0, 'page 2 lists articles');
      const overlap = page2.filter((h) => page1.includes(h));
      assert.deepEqual(overlap, [], 'page 2 lists none of page 1\'s articles');
      await page.getByText(/^Page 2 of \d+$/).waitFor();
      assert.equal(await text(page.locator('main h1')), name, 'page 2 keeps the section heading');
      assert.equal(await text(sectionNav(page).locator('a[aria-current="page"]')), name);
    });
  });

  test('an article headline opens the article, and its byline opens an author page listing it', async () => {
    await withPage({}, async (page) => {
      const { headline, href } = await openLeadArticle(page);
      assert.equal(await text(page.locator('main h1')), headline);

      const byline = page.locator('main article.article header .meta a[rel="author"]').first();
      const author = await text(byline);
      const authorHref = await byline.getAttribute('href');
      assert.match(authorHref, /^\/authors\/[a-z0-9-]+$/);
      await byline.click();
      await page.waitForURL((url) => url.pathname === authorHref);

      assert.equal(await text(page.locator('main h1')), author);
      const listed = page.locator('main ol.article-list h2 a', { hasText: headline });
      assert.equal(await listed.count(), 1, `the author page lists "${headline}"`);
      assert.equal(await listed.getAttribute('href'), href);
    });
  });

  test('a topic tag on an article opens a topic page listing the article', async () => {
    await withPage({}, async (page) => {
      const { headline, href } = await openLeadArticle(page);
      const tag = page.locator('main section.tags a[rel="tag"]').first();
      const tagName = await text(tag);
      const tagHref = await tag.getAttribute('href');
      assert.match(tagHref, /^\/tags\/[a-z0-9-]+$/);
      await tag.click();
      await page.waitForURL((url) => url.pathname === tagHref);

      assert.equal(await text(page.locator('main h1')), tagName);
      const listed = page.locator('main ol.article-list h2 a', { hasText: headline });
      assert.equal(await listed.count(), 1, `the topic page lists "${headline}"`);
      assert.equal(await listed.getAttribute('href'), href);
    });
  });

  test('a 375x740 phone screen never scrolls sideways on home, section and article pages', async () => {
    await withPage({ viewport: { width: 375, height: 740 } }, async (page) => {
      const overflow = () => page.evaluate(() => {
        const width = window.innerWidth;
        const scrollWidth = document.scrollingElement.scrollWidth;
        // The widest offenders, for a useful failure message.
        const wide = [...document.querySelectorAll('body *')]
          .map((el) => ({ el, right: el.getBoundingClientRect().right }))
          .filter(({ right }) => right > width + 0.5)
          .sort((a, b) => b.right - a.right)
          .slice(0, 5)
          .map(({ el, right }) => `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} right=${Math.round(right)}`);
        return { width, scrollWidth, wide };
      });
      const check = async (where) => {
        const o = await overflow();
        assert.ok(o.scrollWidth <= o.width,
                  `${where}: scrollWidth ${o.scrollWidth} > innerWidth ${o.width}; widest: ${o.wide.join(', ')}`);
      };

      await open(page, '/');
      await check('home page');
      await page.locator('summary', { hasText: 'Menu' }).click(); // phones keep the sections behind the menu
      const newsLink = sectionNav(page).getByRole('link', { name: 'News', exact: true });
      const sectionHref = await newsLink.getAttribute('href');
      await newsLink.click();
      await page.waitForURL((url) => url.pathname === sectionHref);
      await check(`section page ${sectionHref}`);
      const first = page.locator('main ol.article-list h2 a').first();
      const articleHref = await first.getAttribute('href');
      await first.click();
      await page.waitForURL((url) => url.pathname === articleHref);
      await page.locator('main article.article h1').waitFor();
      await check(`article page ${articleHref}`);
    });
  });

  test('keyboard focus on a link is visibly outlined', async () => {
    await withPage({}, async (page) => {
      await open(page, '/');
      // Tab past the skip link to the site name, then to the first section link.
      for (const expected of ['Skip to main content', 'Gazette', 'News']) {
        await page.keyboard.press('Tab');
        const style = await page.evaluate(() => {
          const el = document.activeElement;
          const cs = getComputedStyle(el);
          return { tag: el.tagName, text: el.textContent.trim(), outlineStyle: cs.outlineStyle,
                   outlineWidth: cs.outlineWidth, focusVisible: el.matches(':focus-visible') };
        });
        assert.equal(style.tag, 'A');
        assert.equal(style.text, expected);
        assert.ok(style.focusVisible, `"${expected}" matches :focus-visible`);
        assert.notEqual(style.outlineStyle, 'none', `"${expected}" has an outline when focused`);
        assert.notEqual(style.outlineWidth, '0px', `"${expected}" has a visible outline width`);
      }
    });
  });

  test('an article reads without JavaScript', async () => {
    const href = await withPage({}, async (page) => (await openLeadArticle(page)).href);
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await open(page, '/');
      const link = page.locator(`main a[href="${href}"]`).first();
      await link.click();
      await page.waitForURL((url) => url.pathname === href);
      const body = page.locator('main article.article .body');
      await body.waitFor({ state: 'visible' });
      const bodyText = await text(body);
      assert.ok(bodyText.length > 200, `the article body has text (${bodyText.length} chars)`);
      await page.locator('main article.article h1').waitFor({ state: 'visible' });
    });
  });

  test('home page screenshot', async () => {
    await withPage({}, async (page) => {
      await open(page, '/');
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    });
    const info = await stat(SCREENSHOT);
    assert.ok(info.size > 10_000, `${SCREENSHOT} is a real image (${info.size} bytes)`);
  });

  test('searching from the header box finds highlighted results that lead to the article', async () => {
    await withPage({}, async (page) => {
      await open(page, '/');
      const lead = await text(page.locator('main article.lead h2 a'));
      // A distinctive word from the lead headline: the longest one.
      const word = lead.split(/[^A-Za-z]+/).sort((a, b) => b.length - a.length)[0];
      const box = page.getByRole('searchbox', { name: 'Search' }).first();
      await box.fill(word);
      await box.press('Enter');
      await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === word);
      assert.match(await text(page.locator('.result-count')), /found/);
      const results = page.locator('ol.search-results article');
      assert.ok(await results.count() > 0, `results for "${word}"`);
      assert.ok(await page.locator('ol.search-results mark').count() > 0, 'matches are highlighted');
      const first = results.first().locator('h2 a');
      const headline = await text(first);
      await first.click();
      await page.waitForURL((url) => url.pathname !== '/search');
      assert.equal(await text(page.locator('main h1')), headline);
    });
  });

  test('a category facet on the jobs board narrows the list to that category, and clicking it again clears it', async () => {
    await withPage({}, async (page) => {
      await open(page, '/');
      await sectionNav(page).getByRole('link', { name: 'Jobs', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/jobs');
      const allCount = parseInt(await text(page.locator('#results-heading')), 10);
      assert.ok(allCount > 0, 'the board lists live jobs');
      const facet = page.locator('section.facet').filter({ has: page.getByRole('heading', { name: 'Category' }) });
      const option = facet.locator('li').first();
      const name = await text(option.locator('a'));
      const count = parseInt((await text(option.locator('.meta'))).replace(/[()]/g, ''), 10);
      await option.locator('a').click();
      await page.waitForURL((url) => url.searchParams.has('category'));
      assert.equal(parseInt(await text(page.locator('#results-heading')), 10), count,
                   `the list has as many jobs as the facet promised for ${name}`);
      assert.ok(count < allCount, 'the filter narrowed the list');
      const metas = await page.locator('ol.job-list li .meta').allTextContents();
      assert.ok(metas.length > 0);
      for (const m of metas) assert.ok(m.includes(name), `every listed job is in ${name}: ${m}`);
      await facet.locator('a.selected').click();
      await page.waitForURL((url) => !url.searchParams.has('category'));
      assert.equal(parseInt(await text(page.locator('#results-heading')), 10), allCount);
    });
  });

  test('an editor signs in, names a council in an article, and the council page lists it at once', async () => {
    await withPage({}, async (page) => {
      await page.goto('/newsroom');
      await page.waitForURL((url) => url.pathname === '/newsroom/login');
      await page.getByLabel('Email').fill(EDITOR.email);
      await page.getByLabel('Password').fill(EDITOR.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/newsroom');
      await page.locator('table.newsroom-table tbody tr a').first().click();
      await page.waitForURL((url) => /^\/newsroom\/articles\/\d+$/.test(url.pathname));

      const headline = 'Stockport MBC tries out a four-day week for planners';
      await page.getByLabel('Headline').fill(headline);
      await page.getByLabel('Body (Markdown)').fill('Stockport MBC starts the trial in spring.\n\nStaff were consulted first.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL((url) => url.searchParams.get('saved') === '1');
      assert.match(await text(page.getByRole('status')), /Saved/);
      const council = page.locator('ul.council-list a', { hasText: 'Stockport Metropolitan Borough Council' });
      assert.equal(await council.count(), 1, 'the council named in the text is tagged');

      await council.click();
      await page.waitForURL((url) => url.pathname.startsWith('/councils/'));
      assert.ok(await page.locator('main article h2 a', { hasText: headline }).count() === 1,
                'the council page lists the edited article');

      await page.goto('/newsroom');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/newsroom/login');
      await page.goto('/newsroom');
      await page.waitForURL((url) => url.pathname === '/newsroom/login');
    });
  });

  test('an editor uploads a picture, publishes an article with it as lead image, and home shows it', async () => {
    await withPage({}, async (page) => {
      await page.goto('/newsroom/login');
      await page.getByLabel('Email').fill(EDITOR.email);
      await page.getByLabel('Password').fill(EDITOR.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/newsroom');
      await page.getByRole('link', { name: 'Media' }).click();
      await page.waitForURL((url) => url.pathname === '/newsroom/media');
      await page.getByLabel(/^Picture \(JPEG/).setInputFiles({ name: 'harbour.png', mimeType: 'image/png',
                                                              buffer: makePng(900, 600) });
      await page.getByLabel(/^Alt text/).fill('Fishing boats moored in the harbour');
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.waitForURL((url) => url.searchParams.get('uploaded') === '1');
      const mediaId = page.url().match(/\/newsroom\/media\/(\d+)/)[1];

      await page.goto('/newsroom/articles/new');
      const headline = 'Harbour board agrees a new mooring fee for fishing boats';
      await page.getByLabel('Headline', { exact: true }).fill(headline);
      await page.getByLabel('Standfirst', { exact: true }).fill('Fees rise for the first time in a decade.');
      await page.getByLabel('Body (Markdown)', { exact: true }).fill('The board met on Tuesday.');
      await page.getByLabel(/^Picture number/).fill(mediaId);
      await page.getByLabel(/^Alt text/).fill('Fishing boats moored in the harbour');
      await page.getByLabel('Caption', { exact: true }).fill('The harbour at low tide');
      await page.getByLabel('Status', { exact: true }).selectOption('published');
      await page.getByRole('button', { name: 'Create article' }).click();
      await page.waitForURL((url) => url.searchParams.get('saved') === '1');

      await open(page, '/');
      const lead = page.locator('main article.lead');
      assert.equal(await text(lead.locator('h2 a')), headline);
      const img = lead.locator('picture img');
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
      assert.match(await img.evaluate((el) => el.currentSrc), /\/media\/[0-9a-f]{32}-\d+\.(webp|jpg)$/);

      await lead.locator('h2 a').click();
      await page.waitForURL((url) => url.pathname !== '/');
      const figure = page.locator('figure.lead-image');
      assert.equal(await figure.locator('img').getAttribute('alt'), 'Fishing boats moored in the harbour');
      assert.match(await text(figure.locator('figcaption')), /The harbour at low tide/);
      await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await figure.locator('img').elementHandle());
      assert.match(await page.locator('meta[property="og:image"]').getAttribute('content'),
                   /\/media\/[0-9a-f]{32}-900\.jpg$/);
    });
  });
});
