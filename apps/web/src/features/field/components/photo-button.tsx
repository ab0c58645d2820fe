import { useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { keepPhoto } from '../store/sync-engine';

/** Takes a photo with the phone's camera, compresses it on the device and keeps it for upload. */
export function PhotoButton({ onPhoto, label }: { onPhoto: (sha256: string) => void; label?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  return (
    <label
      htmlFor={id}
      className="inline-flex h-12 cursor-pointer items-center justify-center rounded-md border border-line bg-panel px-4 text-base font-medium"
    >
      {busy ? '…' : (label ?? t('field.takePhoto'))}
      <input
        id={id}
        type="file"
        accept="image/*"
        capture="environment"
        className="sr-only"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          try {
            const { compressPhoto } = await import('./photo-compression');
            onPhoto(await keepPhoto(await compressPhoto(file)));
          } finally {
            setBusy(false);
          }
        }}
      />
    </label>
  );
}
