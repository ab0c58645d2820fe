import { sql } from 'drizzle-orm';
import { rawRows } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { addDaysToDate } from '../platform/calendar.ts';
import { teams } from '../modules/planning/planning.schema.ts';
import { stockLocations } from '../modules/inventory/inventory.schema.ts';
import { toolEvents, tools } from '../modules/inventory/tools.schema.ts';

/** A due date this close counts as "due soon": the reminder goes out two weeks ahead. */
export const TOOL_DUE_SOON_DAYS = 14;

type ToolRow = {
  id: string;
  code: string;
  type: string;
  serial_number: string | null;
  status: 'in_use' | 'in_repair' | 'retired';
  team_id: string | null;
  team_name: string | null;
  location_code: string | null;
  inspection_due_on: string | null;
  calibration_due_on: string | null;
  inspection_interval_months: number | null;
  calibration_interval_months: number | null;
};

type DueState = 'overdue' | 'due_soon' | 'ok' | 'none';
const dueState = (date: string | null, today: string): DueState =>
  !date ? 'none' : date < today ? 'overdue' : date <= addDaysToDate(today, TOOL_DUE_SOON_DAYS) ? 'due_soon' : 'ok';

const toTool = (r: ToolRow, today: string) => ({
  id: r.id,
  code: r.code,
  type: r.type,
  serialNumber: r.serial_number,
  status: r.status,
  team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
  locationCode: r.location_code,
  inspectionDueOn: r.inspection_due_on,
  inspectionState: dueState(r.inspection_due_on, today),
  inspectionIntervalMonths: r.inspection_interval_months,
  calibrationDueOn: r.calibration_due_on,
  calibrationState: dueState(r.calibration_due_on, today),
  calibrationIntervalMonths: r.calibration_interval_months,
});

const select = sql`select t.id, t.code, t.type, t.serial_number, t.status, t.team_id, tm.name team_name,
    l.code location_code, t.inspection_due_on::text, t.calibration_due_on::text,
    t.inspection_interval_months, t.calibration_interval_months
  from ${tools} t left join ${teams} tm on tm.id = t.team_id left join ${stockLocations} l on l.id = t.location_id`;

/**
 * The tool register: per tool its team, place and due dates, each judged against today (overdue, due
 * within two weeks, fine). `due`: only tools in use with an inspection or calibration due within two weeks.
 */
export async function listTools(db: DbOrTx, q: { today: string; teamId?: string | undefined; due?: boolean }) {
  const filters = [sql`t.status <> 'retired'`];
  if (q.teamId) filters.push(sql`t.team_id = ${q.teamId}`);
  if (q.due) {
    const soon = addDaysToDate(q.today, TOOL_DUE_SOON_DAYS);
    filters.push(sql`(t.inspection_due_on <= ${soon}::date or t.calibration_due_on <= ${soon}::date)`);
  }
  const rows = await rawRows<ToolRow>(
    db,
    sql`${select} where ${sql.join(filters, sql` and `)}
        order by least(t.inspection_due_on, t.calibration_due_on) nulls last, t.code limit 500`,
  );
  return rows.map((r) => toTool(r, q.today));
}

/** One tool with its history, newest first. */
export async function toolDetail(db: DbOrTx, id: string, today: string) {
  const [row] = await rawRows<ToolRow>(db, sql`${select} where t.id = ${id}`);
  if (!row) return null;
  const events = await rawRows<{
    id: string;
    kind: 'allocated' | 'inspection' | 'calibration' | 'usage' | 'maintenance';
    happened_on: string;
    team_name: string | null;
    result: 'passed' | 'failed' | null;
    note: string | null;
  }>(
    db,
    sql`select e.id, e.kind, e.happened_on::text, tm.name team_name, e.result, e.note
        from ${toolEvents} e left join ${teams} tm on tm.id = e.team_id
        where e.tool_id = ${id} order by e.happened_on desc, e.recorded_at desc limit 200`,
  );
  return {
    ...toTool(row, today),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      happenedOn: e.happened_on,
      teamName: e.team_name,
      result: e.result,
      note: e.note,
    })),
  };
}

/** Tools in use whose inspection or calibration is due within two weeks or overdue, for the daily reminder. */
export async function toolsDueForReminder(db: DbOrTx, today: string) {
  return listTools(db, { today, due: true }).then((all) => all.filter((t) => t.status !== 'retired'));
}
