// Screenshots of the release bundle for a person to look at:
// 1366×768 (laptop) and 1024×768 (tablet), English and Chinese, with the
// county example loaded. Writes tests/e2e/out/*.png.
//   node scripts/screenshots.mjs [section]
import { join } from 'node:path';
import { eachScreen } from './screens.mjs';

await eachScreen([[1366, 768], [1024, 768]], async ({ page, w, locale, out }) => {
  await page.screenshot({ path: join(out, `empty-${w}-${locale}.png`) });
  await page.getByRole('button', { name: /County medical alliances|县域医共体/ }).click();
  await page.getByRole('table').first().waitFor();
  await page.screenshot({ path: join(out, `alliances-${w}-${locale}.png`) });
  await page.screenshot({ path: join(out, `alliances-${w}-${locale}-full.png`), fullPage: true });
});
