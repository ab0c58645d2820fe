import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import provincesTopo from '@chargecars/geo/data/provinces.topo.json';
import { useI18n } from '../../../lib/i18n/i18n';
import type { Route } from '../api/optimiser';

const WIDTH = 420;
const HEIGHT = 500;
const topology = provincesTopo as unknown as Topology<{ provinces: GeometryCollection; nederland: GeometryCollection }>;
const provinces = feature(topology, topology.objects.provinces) as FeatureCollection<Geometry>;
const country = feature(topology, topology.objects.nederland) as FeatureCollection<Geometry>;
// Fitted once to the whole country: every route is drawn at the same scale, so days compare at a glance.
const projection = geoMercator().fitSize([WIDTH, HEIGHT], country);
const path = geoPath(projection);

/**
 * The stops of a day route over the province outlines (SVG, no map tiles, no network): the base as a
 * square, the stops numbered in order, the drive as a line from the base and back.
 */
export default function NetherlandsMap({ route }: { route: Route }) {
  const { t } = useI18n();
  const at = (p: { lat: number; lon: number }) => projection([p.lon, p.lat]) ?? [0, 0];
  const base = at(route.base);
  const stops = route.stops.map((s) => at(s));
  const line = [base, ...stops, base].map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  return (
    <figure className="flex flex-col gap-1">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('routes.map')}
        className="h-auto w-full max-w-md"
      >
        <title>{t('routes.map')}</title>
        {provinces.features.map((f, i) => (
          <path
            key={i}
            d={path(f) ?? ''}
            className="fill-[var(--color-panel,#f8fafc)] stroke-[#94a3b8]"
            strokeWidth={0.8}
          />
        ))}
        {stops.length ? (
          <polyline points={line} fill="none" stroke="#0f766e" strokeWidth={2} strokeDasharray="4 3" />
        ) : null}
        <rect x={base[0] - 6} y={base[1] - 6} width={12} height={12} fill="#1e293b">
          <title>{t('routes.base', { label: route.base.label })}</title>
        </rect>
        {stops.map(([x, y], i) => (
          <g key={route.stops[i]!.visitId}>
            <circle cx={x} cy={y} r={9} fill={route.stops[i]!.badWeather ? '#b91c1c' : '#0f766e'} />
            <text x={x} y={y + 4} textAnchor="middle" fontSize={11} fill="#fff" fontWeight={600}>
              {i + 1}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="text-xs text-ink-muted">{t('routes.attribution')}</figcaption>
    </figure>
  );
}
