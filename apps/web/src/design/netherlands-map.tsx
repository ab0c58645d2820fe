import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import provincesTopo from '@chargecars/geo/data/provinces.topo.json';

const WIDTH = 420;
const HEIGHT = 500;
const topology = provincesTopo as unknown as Topology<{ provinces: GeometryCollection; nederland: GeometryCollection }>;
const provinces = feature(topology, topology.objects.provinces) as FeatureCollection<Geometry>;
const country = feature(topology, topology.objects.nederland) as FeatureCollection<Geometry>;
// Half the smallest box a zoomed map shows, in degrees (about 15 km): one stop, or stops in one street,
// still show their surroundings.
const MIN_HALF_SPAN = 0.12;

export type MapPlace = { lat: number; lon: number };
/** A stop; `mark` is what its circle shows when not its place in the list (a list that skips stops without coordinates). */
export type MapStop = MapPlace & { id: string; title: string; alert?: boolean; mark?: string };

/** Fits the map to the places, with a margin and at least the minimum span around their middle. */
function projectionFor(places: MapPlace[], zoom: boolean) {
  if (!zoom || !places.length) return geoMercator().fitSize([WIDTH, HEIGHT], country);
  const lats = places.map((p) => p.lat);
  const lons = places.map((p) => p.lon);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const halfLat = Math.max(MIN_HALF_SPAN, (Math.max(...lats) - Math.min(...lats)) / 2);
  const halfLon = Math.max(MIN_HALF_SPAN, (Math.max(...lons) - Math.min(...lons)) / 2);
  const box = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [midLon - halfLon, midLat - halfLat],
        [midLon - halfLon, midLat + halfLat],
        [midLon + halfLon, midLat + halfLat],
        [midLon + halfLon, midLat - halfLat],
        [midLon - halfLon, midLat - halfLat],
      ],
    ],
  };
  return geoMercator().fitExtent(
    [
      [24, 24],
      [WIDTH - 24, HEIGHT - 24],
    ],
    box,
  );
}

/**
 * Stops over the province outlines (SVG, no map tiles, no network), numbered in route order and joined
 * by a line; with a base, the line starts and ends there (drawn as a square). The whole country by
 * default, so routes compare at a glance; `zoom` fits the map to the stops instead (a technician's day).
 * Its d3-geo and the outlines make it heavy: import it lazily.
 */
export default function NetherlandsMap({
  label,
  caption,
  stops,
  base,
  zoom = false,
}: {
  label: string;
  caption: string;
  stops: MapStop[];
  base?: (MapPlace & { title: string }) | null;
  zoom?: boolean;
}) {
  const projection = projectionFor(base ? [base, ...stops] : stops, zoom);
  const path = geoPath(projection);
  const at = (p: MapPlace) => projection([p.lon, p.lat]) ?? [0, 0];
  const points = stops.map((s) => at(s));
  const home = base ? at(base) : null;
  const line = (home ? [home, ...points, home] : points).map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  return (
    <figure className="flex flex-col gap-1">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-auto w-full max-w-md">
        <title>{label}</title>
        {provinces.features.map((f, i) => (
          <path
            key={i}
            d={path(f) ?? ''}
            className="fill-[var(--color-panel,#f8fafc)] stroke-[#94a3b8]"
            strokeWidth={0.8}
          />
        ))}
        {points.length > 1 || (home && points.length) ? (
          <polyline points={line} fill="none" stroke="#0f766e" strokeWidth={2} strokeDasharray="4 3" />
        ) : null}
        {home && base ? (
          <rect x={home[0] - 6} y={home[1] - 6} width={12} height={12} fill="#1e293b">
            <title>{base.title}</title>
          </rect>
        ) : null}
        {points.map(([x, y], i) => (
          <g key={stops[i]!.id}>
            <title>{stops[i]!.title}</title>
            <circle cx={x} cy={y} r={9} fill={stops[i]!.alert ? '#b91c1c' : '#0f766e'} />
            <text x={x} y={y + 4} textAnchor="middle" fontSize={11} fill="#fff" fontWeight={600}>
              {stops[i]!.mark ?? i + 1}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="text-xs text-ink-muted">{caption}</figcaption>
    </figure>
  );
}
