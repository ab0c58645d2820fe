// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEntityName } from './list-entities';

function Names() {
  const name = useEntityName();
  return <p data-testid="names">{['chargecars', 'unknown-brand'].map((id) => `[${name(id)}]`).join(' ')}</p>;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("a brand's name", () => {
  it('is blank while the list loads, the name once it has, and an unknown id as it is', async () => {
    let answer!: (r: Response) => void;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Names />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('names').textContent).toBe('[] []');
    answer(
      new Response(
        JSON.stringify([
          {
            id: 'chargecars',
            name: 'ChargeCars',
            kind: 'b2b_partner',
            brandColor: '#16a34a',
            website: 'https://chargecars.nl',
          },
        ]),
        { headers: { 'content-type': 'application/json' } },
      ),
    );
    expect((await screen.findByText(/ChargeCars/)).textContent).toBe('[ChargeCars] [unknown-brand]');
  });
});
