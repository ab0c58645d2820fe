// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LanguageSwitch } from '../../design/language-switch';
import { I18nProvider, LOCALE_STORAGE_KEY, translate, useI18n } from './i18n';
import { en } from './messages-en';
import { nl } from './messages-nl';

function Greeting() {
  const { t, label } = useI18n();
  return (
    <>
      <h1>{t('login.title')}</h1>
      <p>{t('table.total', { count: '6.959' })}</p>
      <p data-testid="known">{label('visitType', 'meter_replacement')}</p>
      <p data-testid="unknown">{label('visitType', 'something_new')}</p>
    </>
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('i18n', () => {
  test('Dutch by default, English after the switch, and back', () => {
    render(
      <I18nProvider>
        <LanguageSwitch />
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByText('6.959 resultaten')).toBeTruthy();
    expect(screen.getByTestId('known').textContent).toBe('Meterwissel');
    expect(document.documentElement.lang).toBe('nl');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Log in' })).toBeTruthy();
    expect(screen.getByText('6.959 results')).toBeTruthy();
    expect(screen.getByTestId('known').textContent).toBe('Meter replacement');
    // A server value we have no words for is shown as the server sent it.
    expect(screen.getByTestId('unknown').textContent).toBe('something_new');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(screen.getByRole('heading', { name: 'Inloggen' })).toBeTruthy();
  });

  test('the stored choice is used on the next visit', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    render(
      <I18nProvider>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Log in' })).toBeTruthy();
  });

  test('placeholders are filled; a missing variable stays visible', () => {
    expect(translate('nl-NL', 'order.title', { number: 'ORD-1' })).toBe('Order ORD-1');
    expect(translate('en', 'order.title')).toBe('Order {number}');
  });

  test('both dictionaries have the same keys and no empty texts', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe('');
  });
});

describe('message files', () => {
  test('split by area without sharing a key, so neither part overrides the other', async () => {
    const { nlPortals } = await import('./messages-nl-portals');
    const { nlSales } = await import('./messages-nl-sales');
    const { nlBilling } = await import('./messages-nl-billing');
    const parts: Record<string, string>[] = [nlPortals, nlSales, nlBilling];
    const shared = parts.flatMap((part, i) =>
      Object.keys(part).filter((k) => parts.some((other, j) => j !== i && k in other)),
    );
    expect(shared).toEqual([]);
  });
});
