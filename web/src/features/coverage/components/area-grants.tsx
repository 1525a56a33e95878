import type { RefObject } from 'react';
import { formatPence } from '../../../../../shared/money.ts';
import { formatCalendarDate } from '../../../../../shared/london-time.ts';
import { type CoverageAreaGrants, useCoverageAreaGrants } from '../api/coverage-area-grants.ts';
import type { CoverageAreaView, CoverageFilterInput } from '../api/coverage.ts';
import { describeArea } from '../scale.ts';

type Grant = CoverageAreaGrants['grants'][number];

function GrantList({ grants, caption, here }: { grants: readonly Grant[]; caption: string; here: boolean }) {
  return (
    <ul className="app-list app-list--plain app-coverage-grants" aria-label={caption}>
      {grants.map((grant) => (
        <li key={grant.id} className="app-coverage-grants__item">
          <span className="app-caption">{grant.reference}</span> <strong>{grant.groupName}</strong>: {grant.title}
          <br />
          {formatPence(grant.amountPence)}
          {grant.countedPence !== grant.amountPence ? `, of which this funder ${formatPence(grant.countedPence)}` : ''}
          {here && grant.pencePlacedHere !== grant.countedPence ? `, ${formatPence(grant.pencePlacedHere)} counted here` : ''}
          {' · '}
          {grant.phaseName} · {formatCalendarDate(grant.awardedOn)}
        </li>
      ))}
    </ul>
  );
}

/** The grants behind the chosen area, under the same filters: counted there, serving a larger area holding it, and other funders'. */
export function AreaGrants({
  fundId,
  code,
  area,
  filter,
  external,
  headingRef,
  onClose,
}: {
  fundId: string;
  code: string | null;
  area: CoverageAreaView | undefined;
  filter: CoverageFilterInput;
  external: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onClose: () => void;
}) {
  const { data, error, isPending } = useCoverageAreaGrants(fundId, code, filter);
  if (!code) {
    return (
      <section className="app-coverage-area" aria-labelledby="coverage-area-heading">
        <h3 className="app-heading-s" id="coverage-area-heading" ref={headingRef} tabIndex={-1}>
          An area’s grants
        </h3>
        <p className="app-body">Click an area on the map, or choose one in the table, to list its grants.</p>
      </section>
    );
  }
  return (
    <section className="app-coverage-area" aria-labelledby="coverage-area-heading" data-testid="coverage-area-grants">
      <h3 className="app-heading-s" id="coverage-area-heading" ref={headingRef} tabIndex={-1}>
        Grants in {area?.name ?? data?.name ?? code}
      </h3>
      {area ? <p className="app-body">{describeArea(area, { external })}.</p> : null}
      {isPending ? <p className="app-body" role="status">Loading its grants…</p> : null}
      {error ? <p className="app-body" role="alert">{error.message}</p> : null}
      {data ? (
        <>
          {data.grants.length === 0 ? <p className="app-body">No grants counted here.</p> : <GrantList grants={data.grants} caption={`Grants counted in ${data.name}`} here />}
          {data.widerGrants.length > 0 ? (
            <>
              <h4 className="app-heading-s">Serving the whole {data.kind === 'LSOA' ? 'ward or local authority' : 'local authority'} ({data.widerGrants.length})</h4>
              <p className="app-body">Not in this area’s figures: they are not divided among smaller areas.</p>
              <GrantList grants={data.widerGrants} caption={`Grants serving a larger area holding ${data.name}`} here={false} />
            </>
          ) : null}
          {external ? (
            <>
              <h4 className="app-heading-s">Other funders’ grants here ({data.externalGrants.length})</h4>
              {data.externalGrants.length === 0 ? (
                <p className="app-body">None placed here.</p>
              ) : (
                <ul className="app-list app-list--plain app-coverage-grants">
                  {data.externalGrants.map((grant) => (
                    <li key={grant.id} className="app-coverage-grants__item">
                      <strong>{grant.recipientName}</strong>: {grant.title}
                      <br />
                      {formatPence(grant.amountPence)} from {grant.funderName} · {formatCalendarDate(grant.awardedOn)}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
        </>
      ) : null}
      <p className="app-body">
        <button type="button" className="app-link-button" onClick={onClose}>
          Close the list
        </button>
      </p>
    </section>
  );
}
