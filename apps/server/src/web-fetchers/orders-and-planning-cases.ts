import { type Cases, as, built, call, database, firstId, made, ok, row } from './harness.ts';

/** Orders, the planning board, the optimiser and absences: each endpoint called as the web calls it. */
/**
 * A visit in the planning queue. Applying the optimiser's proposal (a case before) may have planned
 * every queued visit of the demo, depending on how far its time-limited search got: then one planned
 * visit is taken off the plan through the API, as a planner would.
 */
async function queuedVisit(): Promise<{ id: string; lock_version: number }> {
  const queued = (
    await database.execute(
      "select id, lock_version from visits where status = 'to_schedule' order by created_at limit 1",
    )
  ).rows[0] as { id: string; lock_version: number } | undefined;
  if (queued) return queued;
  const planned = await row<{ id: string; lock_version: number }>(
    "select id, lock_version from visits where status = 'scheduled' and scheduled_date > current_date order by scheduled_date desc limit 1",
  );
  ok(await call(as.planner!, 'PUT', `/api/visits/${planned.id}`, { lockVersion: planned.lock_version, slot: null }));
  return row('select id, lock_version from visits where id = $1', [planned.id]);
}

export const ordersAndPlanningCases: Cases = {
  'GET /api/orders': async () =>
    Promise.all(
      ['operations', 'planner', 'partner', 'customer'].map((r) =>
        call(as[r]!, 'GET', '/api/orders?page=1&pageSize=50'),
      ),
    ),
  'GET /api/orders/:id': async () =>
    Promise.all(
      ['operations', 'partner', 'customer'].map(async (r) =>
        call(as[r]!, 'GET', `/api/orders/${await firstId(as[r]!, '/api/orders?page=1&pageSize=1')}`),
      ),
    ),
  'GET /api/orders/:id/timeline': async () => [
    await call(
      as.operations!,
      'GET',
      `/api/orders/${await firstId(as.operations!, '/api/orders?page=1&pageSize=1')}/timeline`,
    ),
  ],
  'POST /api/orders/:id/stage': async () => {
    const { id } = await row<{ id: string }>("select id from orders where stage = 'new' limit 1");
    const { nextStages } = ok(await call(as.operations!, 'GET', `/api/orders/${id}`)) as { nextStages: string[] };
    return [
      await call(as.operations!, 'POST', `/api/orders/${id}/stage`, {
        stage: nextStages[0],
        reason: 'Zo afgesproken met de klant',
      }),
    ];
  },
  'GET /api/teams': async () => [await call(as.planner!, 'GET', '/api/teams')],
  'GET /api/regions': async () => [await call(as.planner!, 'GET', '/api/regions')],
  'POST /api/planning/proposals': async () => {
    // Next week, all regions: the demo's unplanned visits give the optimiser something to add.
    const from = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 11 * 86_400_000).toISOString().slice(0, 10);
    const res = await call(as.planner!, 'POST', '/api/planning/proposals', { from, to });
    made.proposal = ok(res).id;
    // The demo's own proposal waits in the queue before this one.
    while (await built.services.optimiser.computeNext());
    return [res];
  },
  'GET /api/planning/proposals': async () => [await call(as.planner!, 'GET', '/api/planning/proposals')],
  'GET /api/planning/proposals/:id': async () => [
    await call(as.planner!, 'GET', `/api/planning/proposals/${made.proposal}`),
  ],
  'POST /api/planning/proposals/:id/apply': async () => [
    await call(as.planner!, 'POST', `/api/planning/proposals/${made.proposal}/apply`, {}),
  ],
  'POST /api/planning/absences/repair': async () => {
    const v = await row<{ team_id: string; date: string }>(
      "select team_id, to_char(scheduled_date, 'YYYY-MM-DD') date from visits where status = 'scheduled' and scheduled_date > current_date order by scheduled_date limit 1",
    );
    return [await call(as.planner!, 'POST', '/api/planning/absences/repair', { teamId: v.team_id, date: v.date })];
  },
  'GET /api/teams/:id/route': async () => {
    const v = await row<{ team_id: string; date: string }>(
      "select team_id, to_char(scheduled_date, 'YYYY-MM-DD') date from visits where status = 'scheduled' order by scheduled_date limit 1",
    );
    return [await call(as.planner!, 'GET', `/api/teams/${v.team_id}/route?date=${v.date}`)];
  },
  'GET /api/teams/schedule': async () => [
    await call(as.planner!, 'GET', '/api/teams/schedule?view=week'),
    await call(as.operations!, 'GET', '/api/teams/schedule?view=month&priority=1'),
  ],
  'GET /api/dashboard/capacity': async () => [await call(as.planner!, 'GET', '/api/dashboard/capacity?view=week')],
  'GET /api/visits/:id/feasibility': async () => {
    const { id } = await queuedVisit();
    return [await call(as.planner!, 'GET', `/api/visits/${id}/feasibility?view=week`)];
  },
  'GET /api/visits/:id/options': async () => {
    const { id } = await queuedVisit();
    return [await call(as.planner!, 'GET', `/api/visits/${id}/options?max=5`)];
  },
  'PUT /api/visits/:id': async () => {
    // A visit from the queue to its best option, on the version the board showed.
    const { id, lock_version } = await queuedVisit();
    const { options } = ok(await call(as.planner!, 'GET', `/api/visits/${id}/options?max=1`)) as {
      options: { teamId: string; date: string; block: string }[];
    };
    const { teamId, date, block } = options[0]!;
    return [
      await call(as.planner!, 'PUT', `/api/visits/${id}`, { lockVersion: lock_version, slot: { teamId, date, block } }),
    ];
  },
  'GET /api/teams/:id/absences': async () => {
    const { id } = await row<{ id: string }>('select team_id id from team_absences limit 1');
    return [await call(as.planner!, 'GET', `/api/teams/${id}/absences`)];
  },
  'POST /api/teams/:id/absences': async () => {
    const { id } = await row<{ id: string }>('select id from teams order by code limit 1');
    const res = await call(as.planner!, 'POST', `/api/teams/${id}/absences`, {
      dateFrom: '2099-03-02',
      dateTo: '2099-03-03',
      kind: 'training',
    });
    made.absenceTeam = id;
    made.absenceId = (ok(res) as { absence: { id: string } }).absence.id;
    return [res];
  },
  'DELETE /api/teams/:id/absences/:absenceId': async () => [
    await call(as.planner!, 'DELETE', `/api/teams/${made.absenceTeam}/absences/${made.absenceId}`),
  ],
  'POST /api/visits/:id/schedule': async () => {
    // Planned again on its own slot: the visit moves nowhere, and capacity stays as it was.
    const v = await row<{ id: string; team_id: string; date: string; block: string }>(
      "select id, team_id, to_char(scheduled_date, 'YYYY-MM-DD') date, block from visits v where status = 'scheduled' and scheduled_date >= current_date" +
        // Not on a day its team is absent (the repair case above marks one): there it may not stay.
        ' and not exists (select 1 from team_absences a where a.team_id = v.team_id and v.scheduled_date between a.date_from and a.date_to)' +
        ' order by scheduled_date limit 1',
    );
    return [
      await call(as.planner!, 'POST', `/api/visits/${v.id}/schedule`, {
        date: v.date,
        teamId: v.team_id,
        block: v.block,
      }),
    ];
  },
  'POST /api/orders/:id/visits': async () => {
    // An order the demo left without a visit (new or waiting for materials), as ops find it.
    const { id } = await row<{ id: string }>(
      "select o.id from orders o where o.stage not in ('cancelled', 'closed') and not exists (select 1 from visits v where v.order_id = o.id) order by o.stage = 'new' desc limit 1",
    );
    return [
      await call(as.operations!, 'POST', `/api/orders/${id}/visits`, { type: 'installation', durationMinutes: 240 }),
    ];
  },
};
