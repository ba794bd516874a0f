import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckedSubmission } from '../../src/forms/check-files.js';
import { loadLayout } from '../../src/forms/load-layout.js';
import { type FormLayout, type PlanLayout } from '../../src/forms/layout.js';
import { planFromSubmissions } from '../../src/forms/plan/plan-files.js';
import { renderFormHtml, renderPlanHtml } from '../../src/forms/render/html.js';
import { FORMS } from '../../src/forms/registry.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { mutated, OLD } from '../_helpers/diff-scenario.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../_helpers/html-browser.js';
import { dozenSubmissions, EXAMPLES } from '../forms/fixtures.js';

// Kept after the run (in the system's temp folder, or ZWGK_SCREENSHOT_DIR) so the pages can be looked at.
const dir = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-phone-'));
const options = resolveSubmissionOptions();
const PAGES = ['zhutiri.html', 'kaifangyue.html', 'kaifangyue-blank.html', 'plan.html', 'diff-report.html'];

beforeAll(async () => {
  for (const [name, file] of [
    ['zhutiri.html', EXAMPLES.themeDay],
    ['kaifangyue.html', EXAMPLES.openDay],
  ] as const) {
    const r = validateSubmission(file, readFileSync(file, 'utf8'), options);
    const layout = await loadLayout<FormLayout>(r.form!.layout);
    writeFileSync(
      join(dir, name),
      await renderFormHtml({ form: r.form!, layout, profile: r.profile!, submission: r.submission! }),
    );
  }
  const openDay = FORMS['open-day'];
  writeFileSync(
    join(dir, 'kaifangyue-blank.html'),
    await renderFormHtml({
      form: openDay,
      layout: await loadLayout<FormLayout>(openDay.layout),
      profile: options.profiles.profiles.get(options.profiles.defaults['open-day'])!,
      blank: { year: 2025, area: '青禾区' },
    }),
  );
  const form = FORMS['theme-day'];
  const checked: CheckedSubmission[] = dozenSubmissions().map(({ name, text }) => ({
    file: name,
    text,
    result: validateSubmission(name, text, options),
  }));
  const layout = await loadLayout<PlanLayout>(form.planLayout);
  // A limit of one activity a month, so that the page carries the marks of months over their limit.
  const { plan } = planFromSubmissions(checked, {
    form,
    layout,
    profiles: options.profiles,
    lang: 'zh',
    planFile: 'plan.html',
    maxPerMonth: 1,
  });
  writeFileSync(join(dir, 'plan.html'), await renderPlanHtml(plan, layout));
  // The catalogs named by absolute paths inside the working directory: the report names them short.
  const { dir: work } = tempDir({ 'old/a.yaml': OLD, 'new/a.yaml': mutated() });
  const r = zwgk(
    ['diff', join(work, 'old'), join(work, 'new'), '-f', 'html', '-o', join(dir, 'diff-report.html')],
    work,
  );
  expect(r.status, r.stderr).toBe(0);
});

describe('pages on a phone (390 px wide)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the launch in beforeAll failed
    await browser?.close();
  });

  it.each(PAGES)('%s: no sideways scroll, no column narrower than a few characters', async (name) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    // Nothing but the file itself is fetched.
    await context.route(
      (url) => url.protocol !== 'file:',
      (route) => route.abort(),
    );
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(dir, name)).href);
    await page.screenshot({ path: join(dir, `${name}-390.png`), fullPage: true });
    const sizes = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      // Every cell that shows text, and how wide it is drawn.
      cells: [...document.querySelectorAll('td, th')]
        .filter((el) => (el.textContent ?? '').trim() !== '' && el.getBoundingClientRect().width > 0)
        .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 12), width: el.getBoundingClientRect().width })),
    }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    expect(sizes.cells.length).toBeGreaterThan(0);
    expect(sizes.cells.filter((c) => c.width < 80)).toEqual([]);
    await context.close();
  });

  it('the change report names files relative to the working directory, never by an absolute path', () => {
    const html = readFileSync(join(dir, 'diff-report.html'), 'utf8');
    expect(html).toContain('old/a.yaml');
    expect(html).not.toContain(tmpdir());
  });

  it('the plan marks months over their limit, on the page as in the terminal', () => {
    const html = readFileSync(join(dir, 'plan.html'), 'utf8');
    expect(html).toMatch(/<span class="mark">本月\d+项，超过每月1项<\/span>/);
    expect(html).toContain('活动超过每月1项的月份：');
  });
});

// The project compiles without the DOM library; this describes the little of it that runs in the page.
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ textContent: string | null; getBoundingClientRect(): { width: number } }> &
    Iterable<{ textContent: string | null; getBoundingClientRect(): { width: number } }>;
};

afterAll(() => {
  process.stdout.write(`Phone-view pages and screenshots: ${dir}\n`);
});
