import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './accessibility.ts';
import { usePortalSession } from './portal-session.ts';

// The bell in the partner portal's header, on the real platform: an order the partner places reaches its
// bell live (the relay, the subscriber and the WebSocket), and the notification opens the order.
const session = usePortalSession();

describe('the notification bell', () => {
  it('shows a partner the notification of their new order, live, and opens the order from it', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await session.logIn(page, 'partner');
    await page.waitForURL(/\/partner/);
    const bell = page.getByRole('button', { name: /^Meldingen/ });
    await bell.waitFor({ timeout: 20_000 });
    // Start from nothing unread, so the count that follows is this order's.
    const partner = await session.apiAs('partner');
    await partner('/api/notifications/read-all', {});
    await page.reload();
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 20_000 }).toBe('Meldingen');

    const me = (await partner('/api/auth/me')) as { user: { partnerId: string } };
    const reference = `BEL-${Date.now()}`;
    const placed = (await partner(`/api/partners/${me.user.partnerId}/orders`, {
      customer: { name: 'Klant van de bel', email: `bel-${Date.now()}@example.nl` },
      installationAddress: { postcode: '3861 AB', houseNumber: 44, street: 'Kerkstraat', city: 'Nijkerk' },
      partnerReference: reference,
      lines: [{ description: 'Zaptec Go 2', quantity: 1, unitPriceCents: 90_000, vatRate: 21, billTo: 'partner' }],
    })) as { id: string; number: string };
    expect(placed.number).toBeTruthy();

    // No reload: the count comes over the WebSocket.
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 30_000 }).toBe('Meldingen, 1 ongelezen');
    await bell.click();
    const panel = page.getByRole('region', { name: 'Meldingen' });
    const item = panel.getByRole('link', { name: new RegExp(`Nieuwe order ${placed.number}`) });
    await item.waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.textContent()).toContain(`Uw order (${reference}) is aangemaakt.`);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    await item.click();
    await page.waitForURL(new RegExp(`/partner/orders/${placed.id}$`));
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 20_000 }).toBe('Meldingen');
  });

  it('opens and closes by keyboard in the ops portal', async () => {
    const page = await session.newPage();
    await session.logIn(page, 'operations');
    await page.waitForURL(/\/ops/);
    const bell = page.getByRole('button', { name: /^Meldingen/ });
    await bell.waitFor({ timeout: 20_000 });
    await bell.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Meldingen' });
    await panel.waitFor({ timeout: 10_000 });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await page.evaluate("document.activeElement?.getAttribute('aria-expanded')")).toBe('false');
  });
});
