// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { endpoint } from './endpoint';

const fetchMock = vi.fn<typeof fetch>();
const signingPart = endpoint('GET', '/api/sign/:token', z.object({ title: z.string() }));

beforeEach(() => {
  vi.resetModules();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.head.innerHTML = '';
});

function pageWith(answer: unknown) {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = 'first-answer';
  block.textContent = JSON.stringify(answer);
  document.head.append(block);
}

const body = { title: 'Offerte Q-2026-00031' };

test('the first GET of the written-in url takes the answer without a round trip, once', async () => {
  pageWith({ url: '/api/sign/abc', language: 'nl-NL', body });
  const { request } = await import('./http-client');
  expect(await request(signingPart, { params: { token: 'abc' } })).toEqual(body);
  expect(fetchMock).not.toHaveBeenCalled();
  fetchMock.mockResolvedValue(new Response('{}', { status: 500 }));
  await request(signingPart, { params: { token: 'abc' } }).catch(() => undefined);
  expect(fetchMock).toHaveBeenCalledTimes(1);
});

test('another url, or a person who reads English, goes to the network', async () => {
  pageWith({ url: '/api/sign/abc', language: 'nl-NL', body });
  fetchMock.mockResolvedValue(new Response('{}', { status: 500 }));
  const { request } = await import('./http-client');
  await request(signingPart, { params: { token: 'other' } }).catch(() => undefined);
  expect(fetchMock).toHaveBeenCalledTimes(1);
  const { LOCALE_STORAGE_KEY } = await import('../i18n/i18n');
  localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
  await request(signingPart, { params: { token: 'abc' } }).catch(() => undefined);
  expect(fetchMock).toHaveBeenCalledTimes(2);
});
