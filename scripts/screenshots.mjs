// Screenshots of the release bundle for a person to look at:
// 1366×768 (laptop) and 1024×768 (tablet), English and Chinese, with the
// county example loaded. Writes tests/e2e/out/*.png.
//   node scripts/screenshots.mjs [section]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launch } from '../tests/e2e/helpers.mjs';

const out = join(ROOT, 'tests', 'e2e', 'out');
await mkdir(out, { recursive: true });
const server = await serveDist();
try {
  for (const [w, h] of [[1366, 768], [1024, 768]]) {
    for (const locale of ['en-US', 'zh-CN']) {
      const b = await launch({ locale, viewport: { width: w, height: h } });
      try {
        const { page } = b;
        await page.goto(server.url);
        await page.getByRole('navigation').waitFor();
        await page.screenshot({ path: join(out, `empty-${w}-${locale}.png`) });
        await page.getByRole('button', { name: /County medical alliances|县域医共体/ }).click();
        await page.getByRole('table').first().waitFor();
        await page.screenshot({ path: join(out, `alliances-${w}-${locale}.png`) });
        await page.screenshot({ path: join(out, `alliances-${w}-${locale}-full.png`), fullPage: true });
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
