import { geoMercator, geoPath } from 'd3-geo';
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import type { AreaFeatures } from '../api/coverage-boundaries.ts';
import { describeArea, type MappedArea, NO_DATA_FILL, type Scale } from '../scale.ts';

const WIDTH = 800;
const PADDING = 8;
/** The largest circle of the external grants' layer, in map units (the map is 800 across). */
const MAX_RADIUS = 18;

interface Drawn {
  code: string;
  name: string;
  d: string;
  centre: [number, number];
}

export interface CoverageMapProps {
  features: AreaFeatures;
  areas: ReadonlyMap<string, MappedArea>;
  scale: Scale;
  /** Draws the external grants' layer: a circle per area, its area in proportion to the money. */
  external: boolean;
  selected: string | null;
  onSelect: (code: string, how: 'pointer' | 'keyboard') => void;
  label: string;
}

const KEY_DIRECTIONS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** The area nearest `from` in a direction (within 60° of it), or null at the edge of the map. */
function neighbour(drawn: readonly Drawn[], from: Drawn, [dx, dy]: [number, number]): Drawn | null {
  let best: Drawn | null = null;
  let bestScore = Infinity;
  for (const other of drawn) {
    if (other === from) continue;
    const x = other.centre[0] - from.centre[0];
    const y = other.centre[1] - from.centre[1];
    const distance = Math.hypot(x, y);
    if (distance === 0) continue;
    const cos = (x * dx + y * dy) / distance;
    if (cos < 0.5) continue;
    // Straight ahead is preferred to a nearer area off to the side.
    const score = distance * (2 - cos);
    if (score < bestScore) {
      best = other;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The choropleth: the fund's areas drawn from their boundaries with d3-geo (a Mercator projection
 * fitted to them), coloured by the measure. Pointing at an area or moving to it with the keyboard
 * shows its figures beside the map; clicking it, or Enter, lists its grants. The map is one tab stop:
 * the arrow keys move to the next area in that direction, Home and End to the first and last.
 */
export function CoverageMap({ features, areas, scale, external, selected, onSelect, label }: CoverageMapProps) {
  const helpId = useId();
  const infoId = useId();
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [tabStop, setTabStop] = useState<string | null>(null);
  const paths = useRef(new Map<string, SVGPathElement>());

  const { drawn, height } = useMemo(() => {
    if (features.features.length === 0) return { drawn: [] as Drawn[], height: 200 };
    const projection = geoMercator().fitWidth(WIDTH - 2 * PADDING, features);
    const path = geoPath(projection);
    const [[, top], [, bottom]] = path.bounds(features);
    projection.translate([projection.translate()[0] + PADDING, projection.translate()[1] - top + PADDING]);
    const list = features.features.map((feature) => ({ code: feature.properties.code, name: feature.properties.name, d: path(feature) ?? '', centre: path.centroid(feature) as [number, number] }));
    return { drawn: list, height: Math.ceil(bottom - top + 2 * PADDING) };
  }, [features]);

  const maxExternal = Math.max(0, ...[...areas.values()].map((area) => area.externalPence));
  const active = hovered ?? focused;
  const activeArea = active ? areas.get(active) : undefined;
  const stop = tabStop && drawn.some((area) => area.code === tabStop) ? tabStop : (selected ?? drawn[0]?.code ?? null);

  const moveTo = (code: string) => {
    setTabStop(code);
    paths.current.get(code)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGPathElement>, area: Drawn) => {
    const direction = KEY_DIRECTIONS[event.key];
    if (direction) {
      event.preventDefault();
      const next = neighbour(drawn, area, direction);
      if (next) moveTo(next.code);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveTo((event.key === 'Home' ? drawn[0] : drawn[drawn.length - 1]).code);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(area.code, 'keyboard');
    }
  };

  const highlight = (code: string | null, className: string) => {
    const area = code ? drawn.find((candidate) => candidate.code === code) : undefined;
    return area ? <path className={className} d={area.d} aria-hidden="true" /> : null;
  };

  return (
    <div className="app-map">
      <p className="app-hint" id={helpId}>
        Point at an area, or tab to the map and move with the arrow keys, to see its figures; click it or press Enter to list its grants. The table below
        has the same figures.
      </p>
      <svg className="app-map__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={label} aria-describedby={helpId}>
        <defs>
          <pattern id="coverage-no-data" patternUnits="userSpaceOnUse" width="6" height="6">
            <rect width="6" height="6" fill="#ffffff" />
            <path d="M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5" stroke="#505a5f" strokeWidth="1" />
          </pattern>
        </defs>
        <g>
          {drawn.map((area) => {
            const figures = areas.get(area.code);
            return (
              <path
                key={area.code}
                ref={(element) => {
                  if (element) paths.current.set(area.code, element);
                  else paths.current.delete(area.code);
                }}
                className="app-map__area"
                d={area.d}
                fill={figures ? scale.fillOf(figures) : NO_DATA_FILL}
                data-code={area.code}
                data-class={figures ? scale.classOf(figures) : 'no-data'}
                role="button"
                tabIndex={area.code === stop ? 0 : -1}
                aria-label={figures ? describeArea(figures, { external }) : `${area.name}: no figures`}
                onMouseEnter={() => setHovered(area.code)}
                onMouseLeave={() => setHovered((current) => (current === area.code ? null : current))}
                onFocus={() => {
                  setFocused(area.code);
                  setTabStop(area.code);
                }}
                onBlur={() => setFocused((current) => (current === area.code ? null : current))}
                onClick={() => onSelect(area.code, 'pointer')}
                onKeyDown={(event) => onKeyDown(event, area)}
              />
            );
          })}
        </g>
        {external ? (
          <g className="app-map__external" aria-hidden="true">
            {drawn.map((area) => {
              const pence = areas.get(area.code)?.externalPence ?? 0;
              if (pence <= 0 || maxExternal <= 0) return null;
              return <circle key={area.code} cx={area.centre[0]} cy={area.centre[1]} r={Math.max(2.5, MAX_RADIUS * Math.sqrt(pence / maxExternal))} />;
            })}
          </g>
        ) : null}
        {highlight(selected, 'app-map__selected')}
        {highlight(active, 'app-map__active')}
      </svg>
      <div className="app-map__info" id={infoId} data-testid="coverage-map-info">
        {activeArea ? <p className="app-body">{describeArea(activeArea, { external })}.</p> : <p className="app-body app-map__info-empty">Point at or move to an area to see its figures.</p>}
      </div>
    </div>
  );
}
