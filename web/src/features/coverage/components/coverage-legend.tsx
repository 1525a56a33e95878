import type { Measure, Scale } from '../scale.ts';

const TITLES: Record<Measure, string> = { perHead: 'money per head', grants: 'number of grants', decile: 'IMD 2019 decile' };

/** The map's key: each class's colour and words, the "no data" hatching, and the external grants' circles. */
export function CoverageLegend({ scale, measure, external }: { scale: Scale; measure: Measure; external: boolean }) {
  return (
    <div className="app-map-legend" data-testid="coverage-legend">
      <h3 className="app-heading-s">Key: {TITLES[measure]}</h3>
      <ul className="app-map-legend__list">
        {scale.legend.map((entry) => (
          <li key={entry.key} className="app-map-legend__item" data-key={entry.key}>
            <svg className="app-map-legend__swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
              <rect x="0.5" y="0.5" width="23" height="15" fill={entry.fill} stroke="#505a5f" />
            </svg>
            {entry.label}
          </li>
        ))}
        {external ? (
          <li className="app-map-legend__item">
            <svg className="app-map-legend__swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
              <circle className="app-map-legend__circle" cx="12" cy="8" r="6" />
            </svg>
            Other funders’ grants: the larger the circle, the more money
          </li>
        ) : null}
      </ul>
      {measure === 'perHead' ? <p className="app-body app-map-legend__note">Each colour holds about as many areas as the next.</p> : null}
    </div>
  );
}
