// Screenshots of every stakeholder chart for a person to look at: the
// bundled example imported (with a custom model), English and Chinese, at
// 1366 and 1024 px wide. Writes tests/e2e/out/stakeholder-*.png.
//   node scripts/stakeholder_screenshots.mjs
//   WIDTHS=1024 node scripts/stakeholder_screenshots.mjs   (one width only)
import { join } from 'node:path';
import { eachScreen } from './screens.mjs';

const widths = (process.env.WIDTHS ?? '1366,1024').split(',').map(Number);
await eachScreen(widths.map((w) => [w, 900]), async ({ page, w, locale, zh, out }) => {
  await page.getByRole('button', { name: zh ? /利益相关者评分/ : 'Load Stakeholder ratings' }).click();
  await page.getByRole('table').first().waitFor();
  await page.getByRole('link', { name: zh ? '利益相关者' : 'Stakeholders' }).click();
  await page.getByRole('button', { name: zh ? '导入评分' : 'Import ratings' }).click();
  await page.locator('.results-table').waitFor();
  for (const [n, name, weights] of [
    [1, zh ? '综合影响力' : 'Influence', { capability: 1, resources: 1, power: 1 }],
    [2, zh ? '关注度' : 'Attention', { interest: 2, urgency: 1 }],
  ]) {
    await page.getByRole('button', { name: zh ? '添加自定义模型' : 'Add a custom model' }).click();
    const fallback = zh ? `自定义加权评分 ${n}` : `Custom weighted score ${n}`;
    await page.getByLabel(`${zh ? '模型名称' : 'Model name'} — ${fallback}`).fill(name);
    await page.getByLabel(`${zh ? '模型名称' : 'Model name'} — ${fallback}`).press('Tab');
    for (const [d, v] of Object.entries(weights)) {
      const f = page.getByLabel(`${name}: ${d} — ${zh ? '权重' : 'weight'}`, { exact: true });
      await f.fill(String(v));
      await f.press('Tab');
    }
  }
  const canvases = page.locator('.stakeholders canvas');
  const n = await canvases.count();
  for (let i = 0; i < n; i++) {
    const c = canvases.nth(i);
    const label = ((await c.getAttribute('aria-label')) ?? `chart${i}`).replace(/[^\p{L}\p{N}]+/gu, '_');
    await c.scrollIntoViewIfNeeded();
    await c.screenshot({ path: join(out, `stakeholder-${w}-${locale}-${i}-${label}.png`) });
  }
  await page.locator('.stakeholder-models').screenshot({ path: join(out, `stakeholder-${w}-${locale}-models.png`) });
});
