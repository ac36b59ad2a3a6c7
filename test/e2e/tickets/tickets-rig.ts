// Browser side of the tickets end-to-end test: one Debian Chromium, one browser context per person
// (each has its own session cookie), signed in through the real login form.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../chromium.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.join(here, 'artifacts');

/** test-rig.md flags; no media needed here. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(),
  });
}

export interface Person {
  ctx: BrowserContext;
  page: Page;
}

export async function person(browser: Browser, baseUrl: string, hash = ''): Promise<Person> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${baseUrl}/${hash}`);
  return { ctx, page };
}

export async function signIn(p: Person, username: string, password: string): Promise<void> {
  await p.page.getByLabel('工号').fill(username);
  await p.page.getByLabel('密码').fill(password);
  await p.page.keyboard.press('Enter');
}

export function shot(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
