import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { InsetText } from '../../../components/panel.tsx';
import { Select, type SelectOption } from '../../../components/select.tsx';
import type { StoryConsent, StoryFilter } from '../../../gql/graphql.ts';
import { useStoryFeed, useStoryFeedOptions, type StoryFeedOptions } from '../api/story-feed.ts';
import '../impact.css';
import { CONSENTS, StoryCard } from './story-card.tsx';

/** The feed's filters live in the page's address, so a filtered feed can be shared and the back button works. */
const PARAMS = ['priority', 'area', 'funder', 'phase', 'sharing'] as const;
type Param = (typeof PARAMS)[number];

function filterOf(params: URLSearchParams): StoryFilter {
  const value = (name: Param) => params.get(name) || null;
  const sharing = value('sharing');
  return {
    priority: value('priority'),
    areaCode: value('area'),
    funderId: value('funder'),
    phaseId: value('phase'),
    consent: sharing && sharing in CONSENTS ? (sharing as StoryConsent) : null,
  };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

function FeedFilters({ options, params, onChange, includesUnshared }: { options: StoryFeedOptions; params: URLSearchParams; onChange: (name: Param, value: string) => void; includesUnshared: boolean }) {
  const any = (label: string): SelectOption => ({ value: '', label });
  const select = (name: Param, label: string, choices: SelectOption[]) => (
    <Select id={`stories-${name}`} name={name} label={label} options={choices} value={params.get(name) ?? ''} onChange={(event) => onChange(name, event.target.value)} />
  );
  const consents = (Object.keys(CONSENTS) as StoryConsent[]).filter((consent) => includesUnshared || consent !== 'NOT_SHARED');
  return (
    <form className="app-impact-filters app-no-print" aria-label="Filter the stories" onSubmit={(event) => event.preventDefault()}>
      {select('priority', 'Priority', [any('All priorities'), ...options.priorities.map((priority) => ({ value: priority.key, label: priority.label }))])}
      {select('area', 'Area', [
        any('All areas'),
        ...options.localAuthorities.map((area) => ({ value: area.code, label: `${area.name} (local authority)` })),
        ...options.wards.map((area) => ({ value: area.code, label: `${area.name} (ward)` })),
      ])}
      {select('funder', 'Funder', [any('All funders'), ...options.funders.map((funder) => ({ value: funder.id, label: funder.name }))])}
      {select('phase', 'Phase', [any('All phases'), ...options.phases.map((phase) => ({ value: phase.id, label: phase.name }))])}
      {select('sharing', 'Sharing', [any('Any'), ...consents.map((consent) => ({ value: consent, label: CONSENTS[consent].tag }))])}
    </form>
  );
}

/**
 * The stories feed: what groups told the fund in their reports, newest first, a page at a time, filtered
 * by priority, area, funder, phase and how the group let its story be shared. Each story says in words
 * whether it may be published, is for the funders only, or is not to be shared (which only the
 * coordinator and funder officers ever receive from the server).
 */
export function StoriesPage() {
  const { fundId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterOf(params), [params]);
  const options = useStoryFeedOptions(fundId);
  const feed = useStoryFeed(fundId, filter);
  usePageTitle(options.data ? `${options.data.fund.name}: stories from reports` : 'Stories from reports');

  const onChange = (name: Param, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  if (options.isPending) return <p className="app-body" role="status">Loading the stories…</p>;
  if (options.error) return <p className="app-body" role="alert">{options.error.message}</p>;
  const fund = options.data.fund;
  const first = feed.data?.pages[0]?.storyFeed;
  const stories = feed.data?.pages.flatMap((page) => page.storyFeed.stories) ?? [];
  const includesUnshared = first?.includesUnshared ?? false;
  const filtered = PARAMS.some((name) => params.get(name));

  return (
    <>
      <span className="app-caption-l">{fund.name}</span>
      <h1 className="app-heading-l">Stories from reports</h1>
      <p className="app-body">What groups told us in their reports, in their own words, newest first.</p>
      {includesUnshared ? (
        <InsetText>
          <p className="app-body">
            As the fund’s coordinator or a funder officer you also read the stories groups asked us not to share. They are marked <strong>Not to be shared</strong>: keep them
            within the fund. Publish only stories marked <strong>May be published</strong>.
          </p>
        </InsetText>
      ) : (
        <p className="app-body">You see the stories groups agreed to share with the funders or publicly.</p>
      )}
      <FeedFilters options={fund} params={params} onChange={onChange} includesUnshared={includesUnshared} />

      {feed.error ? (
        <p className="app-body" role="alert">
          {feed.error.message}
        </p>
      ) : null}
      <p className="app-body" role="status" aria-live="polite" data-testid="stories-count">
        {feed.isPending
          ? 'Loading the stories…'
          : first
            ? `${plural(first.totalCount, 'story', 'stories')}${filtered ? ' match these filters' : ''}${first.totalCount > stories.length ? `; showing the newest ${stories.length}` : ''}.`
            : ''}
      </p>
      {first && first.totalCount === 0 ? <p className="app-body">{filtered ? 'No sent story matches these filters. Try fewer filters.' : 'No group has sent a story yet.'}</p> : null}
      <ol className="app-story-list">
        {stories.map((story) => (
          <li key={story.id}>
            <StoryCard story={story} grant={story.grant} />
          </li>
        ))}
      </ol>
      {feed.hasNextPage ? (
        <Button variant="secondary" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {feed.isFetchingNextPage ? 'Loading more stories…' : 'Show more stories'}
        </Button>
      ) : null}
      <p className="app-body app-no-print">
        <Link to={`/funds/${fund.id}/impact`}>What the grants add up to</Link>
      </p>
    </>
  );
}
