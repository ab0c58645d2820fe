import type { Problem, Visit } from '@chargecars/planner';
import type { Db } from '../../../platform/db/client.ts';
import { notFound } from '../../../platform/errors.ts';
import { outdoorVisitIds, teamDay } from '../../../read-models/planning-inputs.ts';
import { BLOCKS, clockTime, currentPlan, nearestHub, SHIFT } from './build-problem.ts';
import { hubForecast } from './compute-proposal.ts';
import type { TravelProvider } from './travel-provider.ts';
import { severeWeather, type WeatherProvider } from './weather-provider.ts';

/**
 * A team's day as a route: its visits mornings first, each block in nearest-next order from the base,
 * with the estimated arrival, service start and end, and the travel before each stop.
 */
export async function dayRoute(
  deps: { db: Db; travel: TravelProvider; weather: WeatherProvider },
  teamId: string,
  date: string,
) {
  const day = await teamDay(deps.db, teamId, date);
  if (!day) throw notFound('Team');
  const located = day.visits.filter((v) => v.lat !== null && v.lon !== null);
  const points = [{ lat: day.team.lat, lon: day.team.lon }, ...located.map((v) => ({ lat: v.lat!, lon: v.lon! }))];
  const matrix = await deps.travel.matrix(points);
  const visits: Visit[] = located.map((v, i) => ({
    id: v.id,
    location: i + 1,
    duration: v.durationMinutes,
    window: { start: BLOCKS[v.block ?? 'morning'].start, end: BLOCKS[v.block ?? 'morning'].end },
  }));
  const problem: Problem = {
    days: [date],
    teams: [{ id: teamId, start: 0, end: 0, skills: [], shifts: [{ day: date, ...SHIFT }] }],
    visits,
    matrix,
  };
  const byId = new Map(located.map((v) => [v.id, v]));
  const [route] = currentPlan(problem, byId).routes;
  const forecast = await hubForecast(deps.weather, date, date);
  const outdoor = await outdoorVisitIds(
    deps.db,
    located.map((v) => v.id),
  );
  const severeAt = (lat: number, lon: number) => {
    const f = forecast?.[nearestHub({ lat, lon })]?.find((d) => d.date === date);
    return f ? severeWeather(f) : [];
  };
  let here = 0;
  let free = route?.departure ?? SHIFT.start;
  const stops = (route?.stops ?? []).map((s) => {
    const v = byId.get(s.visitId)!;
    const location = visits.find((x) => x.id === s.visitId)!.location;
    const travelMinutes = Number(matrix.durations[here * matrix.size + location]);
    const travelKm = Number(matrix.distances[here * matrix.size + location]);
    here = location;
    const arrivedAt = free + travelMinutes;
    free = s.end;
    return {
      visitId: v.id,
      number: v.number,
      customerName: v.customerName,
      street: `${v.street} ${v.houseNumber}`,
      city: v.city,
      postcode: v.postcode,
      lat: v.lat!,
      lon: v.lon!,
      block: v.block ?? ('morning' as const),
      arrival: clockTime(arrivedAt),
      start: clockTime(s.start),
      end: clockTime(s.end),
      travelMinutes: Math.round(travelMinutes),
      travelKm: Math.round(travelKm * 10) / 10,
      workMinutes: v.durationMinutes,
      badWeather: outdoor.has(v.id) && severeAt(v.lat!, v.lon!).length > 0,
    };
  });
  const back = Number(matrix.durations[here * matrix.size]);
  const backKm = Number(matrix.distances[here * matrix.size]);
  return {
    teamId,
    teamName: day.team.name,
    date,
    base: { label: day.team.label, lat: day.team.lat, lon: day.team.lon },
    departure: route ? clockTime(route.departure) : null,
    returnAt: route ? clockTime(route.arrival) : null,
    stops,
    withoutLocation: day.visits.filter((v) => v.lat === null || v.lon === null).map((v) => v.number),
    totals: {
      km: Math.round((stops.reduce((a, s) => a + s.travelKm, 0) + (stops.length ? backKm : 0)) * 10) / 10,
      travelMinutes: Math.round(stops.reduce((a, s) => a + s.travelMinutes, 0) + (stops.length ? back : 0)),
      workMinutes: stops.reduce((a, s) => a + s.workMinutes, 0),
    },
    travelSource: deps.travel.name,
    weather: { available: forecast !== null, severe: forecast ? severeAt(day.team.lat, day.team.lon) : [] },
  };
}
