import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { clsx } from 'clsx';
import { useMemo, useState } from 'react';
import { Button } from '../../../design/button';
import { Modal } from '../../../design/modal';
import { Notice } from '../../../design/status-message';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  useDropFeasibility,
  usePlanVisit,
  type Block,
  type BoardParams,
  type Card,
  type Cell,
  type PlanInput,
  type Schedule,
  type Slot,
} from '../api/planning-board';
import { TeamAbsencesDialog } from './team-absences-dialog';
import { VisitOptionsDialog } from './visit-options-dialog';

const BLOCKS: Block[] = ['morning', 'afternoon'];
const QUEUE = 'queue';
const cellId = (s: Slot) => `${s.teamId}|${s.date}|${s.block}`;
const slotOf = (id: string): Slot => {
  const [teamId, date, block] = id.split('|') as [string, string, Block];
  return { teamId, date, block };
};
const slotOfCard = (c: Card): Slot | null =>
  c.teamId && c.date && c.block ? { teamId: c.teamId, date: c.date, block: c.block } : null;

type Message = { tone: 'success' | 'error' | 'info'; text: string };
type Pending = { input: PlanInput; reasons: string };

/**
 * The board: teams x days, each day in a morning and an afternoon, and the queue beside it. Cards are
 * dragged (mouse, touch or keyboard) onto a cell; while dragging, each cell shows whether the visit fits
 * there (one request for all cells); on drop the server checks again and answers the added travel or
 * why not. A refusal a planner may override opens a dialog for the reason.
 */
export function PlanningBoard({
  schedule,
  params,
  resultHref,
}: {
  schedule: Schedule;
  params: BoardParams;
  /** Where a card's visit shows what the team recorded on it. */
  resultHref?: (visitId: string) => string;
}) {
  const { t, formatNarrowDay, formatShortDay } = useI18n();
  const [dragging, setDragging] = useState<Card | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [undo, setUndo] = useState<PlanInput | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [optionsFor, setOptionsFor] = useState<Card | null>(null);
  const [absencesOf, setAbsencesOf] = useState<{ id: string; name: string } | null>(null);
  const plan = usePlanVisit();
  const feasibility = useDropFeasibility(dragging?.id ?? null, params);
  const cells = useMemo(() => new Map((feasibility.data?.cells ?? []).map((c) => [cellId(c), c])), [feasibility.data]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );
  const month = params.view === 'month';

  /** Sends a move; remembers how to undo it; turns a refusal into a message or the override dialog. */
  async function send(input: PlanInput, card: Card, isUndo = false) {
    setMessage(null);
    try {
      const done = await plan.mutateAsync(input);
      setMessage({
        tone: 'success',
        text: isUndo
          ? t('planning.undone')
          : done.status === 'scheduled'
            ? t('planning.planned', { number: done.number, km: done.addedKm, minutes: done.addedMinutes })
            : t('planning.unplanned', { number: done.number }),
      });
      setUndo(
        isUndo
          ? null
          : {
              visitId: card.id,
              lockVersion: done.lockVersion,
              slot: slotOfCard(card),
              overrideReason: t('planning.undoReason'),
            },
      );
    } catch (error) {
      if (!isProblem(error)) throw error;
      if (error.status === 409 && error.code === 'visit_changed')
        setMessage({ tone: 'error', text: t('planning.conflict') });
      else if (error.code === 'slot_refused') {
        setReason('');
        setPending({ input, reasons: error.errors.map((e) => e.message).join('; ') || (error.detail ?? '') });
      } else setMessage({ tone: 'error', text: `${t('planning.refused')}: ${error.detail ?? error.title}` });
    }
  }

  function onDragStart(event: DragStartEvent) {
    setDragging((event.active.data.current as { card: Card }).card);
  }
  function onDragEnd(event: DragEndEvent) {
    const card = dragging;
    setDragging(null);
    if (!card || !event.over) return;
    const target = String(event.over.id);
    const from = slotOfCard(card);
    if (target === QUEUE) {
      if (from) void send({ visitId: card.id, lockVersion: card.lockVersion, slot: null }, card);
      return;
    }
    const slot = slotOf(target);
    if (from && cellId(from) === target) return;
    void send({ visitId: card.id, lockVersion: card.lockVersion, slot }, card);
  }

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      <div className="mb-3 flex min-h-10 flex-wrap items-center gap-2" aria-live="polite">
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        {undo ? (
          <Button
            variant="secondary"
            size="sm"
            busy={plan.isPending}
            onClick={() => {
              const card = [...schedule.queue, ...allCards(schedule)].find((c) => c.id === undo.visitId);
              if (card) void send(undo, card, true);
            }}
          >
            {t('planning.undo')}
          </Button>
        ) : null}
      </div>
      <div className="flex flex-col gap-4 lg:flex-row">
        <Queue cards={schedule.queue} onOptions={setOptionsFor} dragging={dragging} />
        {/* relative: text for screen readers only (absolutely placed) stays inside the scrolling board, not past the page's edge. */}
        <div
          className="relative min-w-0 flex-1 overflow-x-auto rounded-lg border border-line bg-panel"
          data-testid="board"
        >
          {schedule.teams.length === 0 ? (
            <p className="p-4 text-sm text-ink-muted">{t('planning.noTeams')}</p>
          ) : (
            <table className="border-collapse text-xs">
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 z-10 min-w-32 bg-panel p-2 text-left font-semibold">
                    {t('planning.team')}
                  </th>
                  {schedule.days.map((d) => (
                    <th key={d} scope="col" colSpan={2} className="border-l border-line p-1 text-center font-medium">
                      {month ? formatNarrowDay(d) : formatShortDay(d)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {schedule.teams.map((team) => (
                  <tr key={team.id} className="border-t border-line">
                    <th scope="row" className="sticky left-0 z-10 bg-panel p-2 text-left align-top font-medium">
                      <div>{team.name}</div>
                      <div className="text-ink-muted">{t('planning.maxPerDay', { max: team.maxVisitsPerDay })}</div>
                      <button
                        type="button"
                        className="mt-1 text-brand-700 underline"
                        onClick={() => setAbsencesOf({ id: team.id, name: team.name })}
                      >
                        {t('planning.absences')}
                      </button>
                    </th>
                    {team.days.flatMap((day) =>
                      BLOCKS.map((block) => (
                        <BoardCell
                          key={`${day.date}-${block}`}
                          slot={{ teamId: team.id, date: day.date, block }}
                          off={day.off?.kind ?? null}
                          used={day.blocks[block].usedMinutes}
                          capacity={day.blocks[block].capacityMinutes}
                          full={day.visits >= team.maxVisitsPerDay}
                          cards={day.blocks[block].visits}
                          compact={month}
                          verdict={
                            dragging ? (cells.get(cellId({ teamId: team.id, date: day.date, block })) ?? null) : null
                          }
                          onOptions={setOptionsFor}
                          dragging={dragging}
                        />
                      )),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      <Modal
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title={t('planning.overrideTitle')}
        description={t('planning.overrideIntro')}
        footer={
          <Button
            busy={plan.isPending}
            disabled={reason.trim().length < 3}
            onClick={() => {
              const p = pending!;
              const card = [...schedule.queue, ...allCards(schedule)].find((c) => c.id === p.input.visitId)!;
              setPending(null);
              void send({ ...p.input, overrideReason: reason.trim() }, card);
            }}
          >
            {t('planning.override')}
          </Button>
        }
      >
        <p className="mb-3 text-sm text-danger-700" data-testid="refusal">
          {pending?.reasons}
        </p>
        <label className="block text-sm font-medium">
          {t('planning.overrideReason')}
          <textarea
            className="mt-1 block w-full rounded-md border border-line p-2 text-sm"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      </Modal>
      <VisitOptionsDialog
        card={optionsFor}
        resultHref={resultHref}
        onClose={() => setOptionsFor(null)}
        onPick={(card, slot) => {
          setOptionsFor(null);
          void send({ visitId: card.id, lockVersion: card.lockVersion, slot }, card);
        }}
      />
      <TeamAbsencesDialog team={absencesOf} onClose={() => setAbsencesOf(null)} />
    </DndContext>
  );
}

const allCards = (s: Schedule) =>
  s.teams.flatMap((team) => team.days.flatMap((d) => [...d.blocks.morning.visits, ...d.blocks.afternoon.visits]));

function Queue({ cards, onOptions, dragging }: { cards: Card[]; onOptions: (c: Card) => void; dragging: Card | null }) {
  const { t } = useI18n();
  const { setNodeRef, isOver } = useDroppable({ id: QUEUE });
  return (
    <section
      ref={setNodeRef}
      aria-label={t('planning.queue', { count: cards.length })}
      className={clsx(
        'w-full shrink-0 rounded-lg border border-line bg-panel p-2 lg:w-64',
        isOver && dragging?.teamId && 'ring-2 ring-brand-600',
      )}
      data-testid="queue"
    >
      <h2 className="mb-2 text-sm font-semibold">{t('planning.queue', { count: cards.length })}</h2>
      {dragging?.teamId ? <p className="mb-2 text-xs text-ink-muted">{t('planning.dropToUnplan')}</p> : null}
      {cards.length === 0 ? <p className="text-sm text-ink-muted">{t('planning.queueEmpty')}</p> : null}
      <ul className="flex max-h-[60vh] flex-col gap-2 overflow-y-auto">
        {cards.map((c) => (
          <li key={c.id}>
            <VisitCardView card={c} onOptions={onOptions} inQueue />
          </li>
        ))}
      </ul>
    </section>
  );
}

const PRIORITY_COLOUR = ['border-l-line', 'border-l-amber-500', 'border-l-red-600'];

/** A visit's card; the queue's cards also name the parts a visit lacks (on the board the ⚠ says so, the name in its title). */
function VisitCardView({
  card,
  onOptions,
  compact,
  inQueue,
}: {
  card: Card;
  onOptions: (c: Card) => void;
  compact?: boolean;
  inQueue?: boolean;
}) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.id, data: { card } });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  // The drag handle is the card's body; the options button sits beside it, not inside (no nested controls).
  return (
    <div
      className={clsx(
        'rounded border border-l-4 border-line bg-surface text-left text-xs',
        PRIORITY_COLOUR[card.priority],
        isDragging && 'z-20 opacity-80 shadow-lg',
      )}
      style={style}
    >
      <div
        ref={setNodeRef}
        {...listeners}
        {...attributes}
        data-testid={`card-${card.number}`}
        className="cursor-grab touch-none p-1.5 focus:outline-2 focus:outline-brand-600"
      >
        <div className="flex items-center justify-between gap-1">
          <span className="font-semibold">{card.number.slice(-6)}</span>
          <span className="flex gap-1">
            {card.missingMaterials.length ? (
              <span title={t('planning.missingMaterials', { parts: card.missingMaterials.join(', ') })}>
                <span aria-hidden="true">⚠</span>
                <span className="sr-only">{t('planning.materials.waiting')}</span>
              </span>
            ) : null}
            {card.confirmed ? <span title={t('planning.confirmed')}>✔</span> : null}
          </span>
        </div>
        {compact ? null : (
          <>
            <div className="truncate">{card.customerName}</div>
            <div className="truncate text-ink-muted">
              {card.postcode.slice(0, 4)} {card.city} · {t(`visitType.${card.type}`)} ·{' '}
              {t('planning.minutes', { minutes: card.durationMinutes })}
            </div>
            {inQueue && card.missingMaterials.length ? (
              <div
                className="font-medium text-warning-700"
                title={card.missingMaterials.join(', ')}
                data-testid="missing-materials"
              >
                {t('planning.missingMaterials', { parts: card.missingMaterials.join(', ') })}
              </div>
            ) : null}
            {card.windowStart ? (
              <div className="text-ink-muted">
                {t('planning.window', { from: card.windowStart, to: card.windowEnd ?? '' })}
              </div>
            ) : null}
          </>
        )}
      </div>
      {compact ? null : (
        <button type="button" className="px-1.5 pb-1 text-brand-700 underline" onClick={() => onOptions(card)}>
          {t('planning.options')}
        </button>
      )}
    </div>
  );
}

function BoardCell(props: {
  slot: Slot;
  off: string | null;
  used: number;
  capacity: number;
  full: boolean;
  cards: Card[];
  compact: boolean;
  verdict: Cell | null;
  onOptions: (c: Card) => void;
  dragging: Card | null;
}) {
  const { t } = useI18n();
  const { slot, off, used, capacity, cards, verdict, compact } = props;
  const { setNodeRef, isOver } = useDroppable({ id: cellId(slot) });
  const load = used / capacity;
  const reasons = verdict?.reasons.map((r) => r.message).join('; ') ?? '';
  const title = verdict
    ? verdict.ok
      ? t('planning.cellFeasible', { km: verdict.addedKm })
      : verdict.overridable
        ? t('planning.cellOverridable', { reasons })
        : t('planning.cellImpossible', { reasons })
    : `${t(slot.block === 'morning' ? 'planning.morning' : 'planning.afternoon')}: ${t('planning.used', { used, capacity })}`;
  return (
    <td
      ref={setNodeRef}
      title={title}
      aria-label={`${slot.date} ${t(slot.block === 'morning' ? 'planning.morning' : 'planning.afternoon')}: ${title}`}
      data-testid={`cell-${cellId(slot)}`}
      data-verdict={verdict ? (verdict.ok ? 'ok' : verdict.overridable ? 'override' : 'no') : undefined}
      className={clsx(
        'border-l border-line p-1 align-top',
        compact ? 'h-10 w-7 min-w-7' : 'h-24 w-28 min-w-28',
        slot.block === 'morning' ? 'border-l-line' : 'border-l-dashed',
        off
          ? 'bg-stripes bg-surface text-ink-muted'
          : load >= 0.95 || props.full
            ? 'bg-red-50'
            : load >= 0.6
              ? 'bg-amber-50'
              : load > 0
                ? 'bg-emerald-50'
                : '',
        verdict &&
          (verdict.ok
            ? 'ring-2 ring-emerald-500 ring-inset'
            : verdict.overridable
              ? 'ring-2 ring-amber-500 ring-inset'
              : 'bg-red-100 ring-2 ring-red-500 ring-inset'),
        isOver && 'outline-2 outline-brand-700',
      )}
    >
      {off ? <div className="text-[10px] uppercase">{t(`planning.off.${off}` as 'planning.off.day_off')}</div> : null}
      {!compact ? (
        <div className="mb-1 text-[10px] text-ink-muted">
          {t(slot.block === 'morning' ? 'planning.morningShort' : 'planning.afternoonShort')} ·{' '}
          {t('planning.used', { used, capacity })}
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        {cards.map((c) => (
          <VisitCardView key={c.id} card={c} onOptions={props.onOptions} compact={compact} />
        ))}
      </div>
    </td>
  );
}
