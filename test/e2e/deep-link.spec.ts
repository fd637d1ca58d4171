import { invoke } from './api';
import { expect, test } from './web-host-fixture';

/**
 * A screen asked for while the app is still opening (a link, a bookmark, a test) is the screen it opens on: the
 * frame's first-screen redirect must not replace it.
 */
test('a hash route asked for while the app loads is not replaced by the first screen', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  // The route changes the moment the frame first appears, before React has run its effects: the exact window in
  // which the first-screen redirect, computed for the empty route, used to overwrite the route asked for.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('nav.sidebar')) return;
      observer.disconnect();
      window.location.hash = '#/quyet-dinh/2024';
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Danh sách quyết định' })).toBeVisible();
  await expect(page).toHaveURL(/#\/quyet-dinh\/2024$/);
  await page.waitForTimeout(300); // a late redirect would land here
  await expect(page).toHaveURL(/#\/quyet-dinh\/2024$/);
});

test('a deep hash route opened right after a reload lands there', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  await page.reload();
  await page.goto(`${webHost.url}#/quyet-dinh/2024/1`);
  await expect(page.getByRole('heading', { name: /215\/QĐ-UBND/ })).toBeVisible();
  await expect(page).toHaveURL(/#\/quyet-dinh\/2024\/1$/);
  // With no route asked for, the app still opens its first screen, in the working year.
  await page.goto(`${webHost.url}#/`);
  await expect(page).toHaveURL(/#\/von-duoc-giao\/2024$/);
  await expect(page.getByRole('heading', { name: 'Vốn được giao', level: 1 })).toBeVisible();
});
