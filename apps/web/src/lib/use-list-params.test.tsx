// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { expect, test } from 'vitest';
import { useListParams } from './use-list-params';

test('two filters chosen before the page renders again are both kept', () => {
  let location = '';
  const wrapper = ({ children }: { children: ReactNode }) => {
    function Probe() {
      location = useLocation().search;
      return <>{children}</>;
    }
    // The app's own kind of router (declarative, app/router.tsx).
    return (
      <MemoryRouter initialEntries={['/?page=3']}>
        <Routes>
          <Route path="/" element={<Probe />} />
        </Routes>
      </MemoryRouter>
    );
  };
  const { result } = renderHook(() => useListParams({}, ['status', 'payer']), { wrapper });
  act(() => {
    result.current.setFilter('status', 'issued');
    result.current.setFilter('payer', 'customer');
  });
  const params = new URLSearchParams(location);
  expect(params.get('status')).toBe('issued');
  expect(params.get('payer')).toBe('customer');
  expect(params.get('page')).toBeNull();
});
