import { useEffect, useState } from 'react';
import { Button } from '../../../design/button';
import { LanguageSwitch } from '../../../design/language-switch';
import { useI18n } from '../../../lib/i18n/i18n';
import { fieldDb, getMeta, wipeFieldStore } from '../store/field-db';
import { onSyncState, syncNow, type SyncState } from '../store/sync-engine';
import { useLive } from '../store/use-live';
import { VanRequestPanel } from './van-request-panel';

/** Voorraad: what is in the van now, per product and serial, and asking the warehouse for more. */
export function StockTab() {
  const { t, localized } = useI18n();
  const stock = useLive(() => fieldDb.vanStock.toArray(), 'van');
  if (!stock) return null;
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">{t('field.vanStock')}</h1>
      <a href="#aanvullen" className="block py-2 text-brand-700 underline">
        {t('field.request.title')}
      </a>
      {stock.length ? (
        <ul className="divide-y divide-line rounded-lg border border-line bg-panel">
          {stock.map((s) => (
            <li key={s.key} className="flex justify-between px-4 py-3">
              <span>
                {localized(s.name, s.nameEn)}
                {s.lot ? <span className="block text-sm text-ink-muted">{s.lot}</span> : null}
              </span>
              <span className="font-semibold">{s.onHand}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-ink-muted">{t('field.noStock')}</p>
      )}
      <div id="aanvullen" className="pt-4">
        <VanRequestPanel />
      </div>
    </section>
  );
}

/** Profiel: who is logged in, the language, the sync, storage, and logging out (which wipes the phone's copy). */
export function ProfileTab({
  name,
  teamName,
  onLogout,
}: {
  name: string;
  teamName: string | null;
  onLogout: () => Promise<void>;
}) {
  const { t, formatTime } = useI18n();
  const [sync, setSync] = useState<SyncState | null>(null);
  const persistent = useLive(() => getMeta<boolean>('persistent'), 'persistent');
  useEffect(() => onSyncState(setSync), []);
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">{name}</h1>
      {teamName ? <p>{teamName}</p> : null}
      <p className="text-sm text-ink-muted">
        {persistent ? t('field.storagePersistent') : t('field.storageBestEffort')}
      </p>
      {sync?.lastSyncAt ? (
        <p className="text-sm">{t('field.lastSync', { time: formatTime(sync.lastSyncAt) })}</p>
      ) : null}
      <LanguageSwitch className="h-12 w-full rounded-md border border-line bg-panel text-base font-medium" />
      <Button variant="secondary" className="h-12 w-full text-base" busy={sync?.running} onClick={() => void syncNow()}>
        {t('field.syncNow')}
      </Button>
      <Button
        variant="danger"
        className="h-12 w-full text-base"
        onClick={async () => {
          await wipeFieldStore();
          await onLogout().catch(() => undefined);
          window.location.assign('/login');
        }}
      >
        {t('field.logout')}
      </Button>
    </section>
  );
}
