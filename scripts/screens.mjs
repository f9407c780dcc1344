// The loop shared by the screenshot scripts: serves the release bundle, and
// for each width × height and each of English and Chinese opens a browser,
// loads the page, waits for the navigation and hands the page to `shoot`,
// then reports the page's errors. Screenshots go to tests/e2e/out/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launch } from '../tests/e2e/helpers.mjs';

/** Calls `shoot({ page, w, locale, zh, out })` on a fresh page for every
 * `[w, h]` of `sizes` and every locale (en-US, zh-CN), widths outermost. */
export async function eachScreen(sizes, shoot) {
  const out = join(ROOT, 'tests', 'e2e', 'out');
  await mkdir(out, { recursive: true });
  const server = await serveDist();
  try {
    for (const [w, h] of sizes) {
      for (const locale of ['en-US', 'zh-CN']) {
        const b = await launch({ locale, viewport: { width: w, height: h } });
        try {
          const { page } = b;
          await page.goto(server.url);
          await page.getByRole('navigation').waitFor();
          await shoot({ page, w, locale, zh: locale === 'zh-CN', out });
          if (b.errors.length) console.error(b.errors);
        } finally {
          await b.close();
        }
      }
    }
  } finally {
    await server.close();
  }
  console.log(`screenshots in ${out}`);
}
