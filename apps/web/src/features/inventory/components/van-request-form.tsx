import { useState } from 'react';
import { Button } from '../../../design/button';
import { Input } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useRequestableProducts, useRequestVan } from '../api/transfers';
import { ProblemNotice } from './problem-notice';

const select = 'h-10 max-w-[90vw] rounded-md border border-line bg-panel px-2 text-sm';

/** Ops ask for products on a team's van: the team, products with quantities, a note for the warehouse. */
export function VanRequestForm({ teams }: { teams: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const products = useRequestableProducts();
  const ask = useRequestVan();
  const [teamId, setTeamId] = useState('');
  const [productId, setProductId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<{ productId: string; quantity: number }[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const nameOf = (id: string) => {
    const p = products.data?.find((x) => x.productId === id);
    return p ? `${p.sku} · ${p.name}` : id;
  };
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate(
          { idempotencyKey: key, teamId, lines, ...(note.trim() ? { note: note.trim() } : {}) },
          {
            onSuccess: () => {
              setLines([]);
              setNote('');
              setKey(crypto.randomUUID());
            },
          },
        );
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.tools.team')}
          <select className={select} value={teamId} onChange={(e) => setTeamId(e.target.value)} required>
            <option value="">{t('inventory.vanRequests.chooseTeam')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.product')}
          <select className={select} value={productId} onChange={(e) => setProductId(e.target.value)}>
            <option value="">{t('inventory.transfers.chooseProduct')}</option>
            {(products.data ?? [])
              .filter((p) => !lines.some((l) => l.productId === p.productId))
              .map((p) => (
                <option key={p.productId} value={p.productId}>
                  {p.sku} · {p.name}
                </option>
              ))}
          </select>
        </label>
        <Input
          label={t('inventory.quantity')}
          type="number"
          min={1}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          className="w-28"
        />
        <Button
          variant="secondary"
          disabled={!productId || Number(quantity) < 1}
          onClick={() => {
            setLines((ls) => [...ls, { productId, quantity: Number(quantity) }]);
            setProductId('');
            setQuantity('1');
          }}
        >
          {t('inventory.transfers.addLine')}
        </Button>
      </div>
      {lines.length ? (
        <ul className="text-sm" aria-label={t('inventory.vanRequests.asked')}>
          {lines.map((l) => (
            <li key={l.productId} className="flex items-center gap-2">
              {l.quantity} × {nameOf(l.productId)}
              <Button
                size="sm"
                variant="ghost"
                aria-label={t('inventory.transfers.removeLine', { sku: nameOf(l.productId) })}
                onClick={() => setLines((ls) => ls.filter((x) => x.productId !== l.productId))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <Input
        label={t('inventory.vanRequests.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        className="w-full max-w-xl"
      />
      <ProblemNotice error={ask.error} />
      {ask.data && !ask.isPending ? (
        <Notice tone="success">{t('inventory.vanRequests.sent', { number: ask.data.number })}</Notice>
      ) : null}
      <div>
        <Button type="submit" busy={ask.isPending} disabled={!teamId || !lines.length}>
          {t('inventory.vanRequests.send')}
        </Button>
      </div>
    </form>
  );
}
