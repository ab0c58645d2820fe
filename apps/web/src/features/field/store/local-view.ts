import type { z } from 'zod';
import type { ChecklistItem } from '@chargecars/contract';
import type { FieldVisit, QueuedCommand, Templates } from './field-db';

/**
 * The visit as the technician sees it before the server answered: the synced state with this phone's
 * queued commands laid over it, in the order they were made. The server decides later; a refused
 * command drops out of the queue and shows under Kwaliteit.
 */
export function withPending(visit: FieldVisit, queued: QueuedCommand[]): FieldVisit {
  const x = structuredClone(visit);
  for (const c of queued) {
    if (c.visitId !== visit.id) continue;
    const p = c.payload;
    const e = x.execution;
    if (p.kind === 'on_the_way') e.onTheWayAt ??= c.actedAt;
    else if (p.kind === 'arrive') {
      e.arrivedAt ??= c.actedAt;
      if (x.status === 'scheduled') x.status = 'in_progress';
    } else if (p.kind === 'answer') e.answers[p.field] = { value: p.value, actedAt: c.actedAt };
    else if (p.kind === 'photo') e.photos.push({ sha256: p.sha256, step: p.step });
    else if (p.kind === 'part')
      e.parts.push({
        commandId: c.id,
        productId: p.productId,
        productName: '',
        productNameEn: null,
        quantity: p.quantity,
        serialNumber: p.serialNumber,
      });
    else if (p.kind === 'issue')
      e.issues.push({ commandId: c.id, category: p.category, note: p.note, photoSha256: p.photoSha256 });
    else if (p.kind === 'signature')
      e.signature = { signerName: p.signerName, imageSha256: p.imageSha256, actedAt: c.actedAt };
    else if (p.kind === 'satisfaction') e.satisfaction = p.score;
    else if (p.kind === 'outcome') {
      e.outcome = p.outcome;
      e.outcomeReason = p.reason;
      if (p.outcome === 'completed') x.status = 'completed';
    }
  }
  return x;
}

type Step = z.infer<typeof ChecklistItem>;

/**
 * The mandatory steps still open, as the server will check them (so the button says why before it is
 * sent), named by `nameOf` in the reader's language; `signature` names the customer's signature.
 */
export function openCheckpoints(
  visit: FieldVisit,
  templates: Templates | undefined,
  words: { nameOf: (step: Step) => string; signature: string },
): string[] {
  const items = templates?.[visit.type] ?? [];
  const e = visit.execution;
  const missing: string[] = [];
  for (const item of items) {
    if (!item.mandatory) continue;
    const name = words.nameOf(item);
    if (item.kind === 'photo') {
      if (!e.photos.some((p) => p.step === item.key)) missing.push(name);
      continue;
    }
    const value = e.answers[item.key]?.value;
    if (value === undefined || value === '' || value === false) missing.push(name);
    else if (
      typeof value === 'number' &&
      ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max))
    )
      missing.push(`${name} (${item.min}–${item.max} ${item.unit ?? ''})`);
  }
  if (visit.type !== 'survey' && !e.signature) missing.push(words.signature);
  return missing;
}
