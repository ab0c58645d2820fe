import type { Instance } from './instance.ts';
import { buildRoute, emptyRoute, type RouteState } from './route.ts';

/** A solution under search: one RouteState per team-day and the route of each visit. */
export class SearchState {
  routes: RouteState[];
  routeOf: Int32Array;
  cost: number;

  constructor(inst: Instance, routes?: RouteState[], routeOf?: Int32Array) {
    this.routes = routes ?? Array.from({ length: inst.routeCount }, () => emptyRoute());
    this.routeOf = routeOf ?? new Int32Array(inst.n).fill(-1);
    this.cost = 0;
    this.recomputeCost(inst);
  }

  recomputeCost(inst: Instance): number {
    let cost = 0;
    for (const route of this.routes) cost += route.cost;
    for (let v = 0; v < inst.n; v++) if (this.routeOf[v] === -1) cost += inst.penalty[v] as number;
    this.cost = cost;
    return cost;
  }

  clone(): SearchState {
    const copy = Object.create(SearchState.prototype) as SearchState;
    copy.routes = this.routes.slice();
    copy.routeOf = this.routeOf.slice();
    copy.cost = this.cost;
    return copy;
  }

  /** Replaces route r's stops, keeping routeOf and the total cost in step. */
  setRoute(inst: Instance, r: number, stops: number[]): void {
    const old = this.routes[r] as RouteState;
    const next = buildRoute(inst, r, stops);
    this.routes[r] = next;
    this.cost += next.cost - old.cost;
  }

  dayOf(inst: Instance, v: number): number {
    const r = this.routeOf[v] as number;
    return r < 0 ? -1 : (inst.routeDay[r] as number);
  }
}
