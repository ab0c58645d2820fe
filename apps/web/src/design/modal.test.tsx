// @vitest-environment jsdom
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { I18nProvider } from '../lib/i18n/i18n';
import { Modal } from './modal';

afterEach(cleanup);

function RowWithDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button">Eerder</button>
      <button type="button" onClick={() => setOpen(true)}>
        Bekijk e-mail
      </button>
      <Modal open={open} onOpenChange={setOpen} title="E-mail">
        <p>Inhoud</p>
      </Modal>
    </>
  );
}

test('closing a dialog opened by state gives focus back to the button that opened it', async () => {
  render(
    <I18nProvider>
      <RowWithDialog />
    </I18nProvider>,
  );
  const opener = screen.getByRole('button', { name: 'Bekijk e-mail' });
  opener.focus();
  fireEvent.click(opener);
  expect(await screen.findByRole('dialog', { name: 'E-mail' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Sluiten' }));
  await screen.findByRole('button', { name: 'Bekijk e-mail' });
  await new Promise((r) => setTimeout(r, 50));
  expect(document.activeElement).toBe(opener);
});
