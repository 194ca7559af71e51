import type { Page } from 'playwright-core';
import { PASSWORD } from './desk-server.ts';

/** Sets the password on the one-time link's page, as a person would, with the keyboard. */
export async function welcome(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByLabel('The same password again').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/desk$/);
}
