import { formatCalendarDate, formatLondonDate } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import { SummaryList, type SummaryListRow } from '../../../components/summary-list.tsx';
import { Tag, type TagColour } from '../../../components/tag.tsx';
import type { StoryConsent } from '../../../gql/graphql.ts';

/** How each consent reads to the people who might pass a story on: the words carry it, the colour only backs them up. */
export const CONSENTS: Record<StoryConsent, { tag: string; colour: TagColour; note: string }> = {
  NOT_SHARED: { tag: 'Not to be shared', colour: 'red', note: 'The group asked for this story not to be shared. Read it here; do not pass it on.' },
  FUNDERS: { tag: 'Funders only', colour: 'blue', note: 'The group shared this story with the funders only: not to be published.' },
  PUBLIC: { tag: 'May be published', colour: 'green', note: 'The group agreed this story may be published, for example on a website or in a report.' },
};

export interface StoryCardStory {
  id: string;
  submittedAt: string;
  consent: StoryConsent;
  text: string;
  peopleCount?: number | null;
  photo?: { url: string; width: number; height: number; description?: string | null } | null;
}

export interface StoryCardGrant {
  reference: string;
  title: string;
  groupName: string;
  amountPence: number;
  awardedOn: string;
  phaseName: string;
  priorities: readonly { key: string; label: string }[];
  areas: readonly { code: string; name: string }[];
  funders: readonly { id: string; name: string; pence: number }[];
}

const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'None');

/**
 * One group's story, as the funders read it: in the group's own words, with its photo, its consent named
 * in words above the text, and the grant it came from (phase, priorities, areas, who paid).
 */
export function StoryCard({ story, grant, headingLevel = 2 }: { story: StoryCardStory; grant: StoryCardGrant; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const consent = CONSENTS[story.consent];
  const rows: SummaryListRow[] = [
    { key: 'Grant', value: `${grant.reference}: ${grant.title}, ${formatPence(grant.amountPence)}, awarded ${formatCalendarDate(grant.awardedOn)}` },
    { key: 'Phase', value: grant.phaseName },
    { key: 'Priorities', value: list(grant.priorities.map((priority) => priority.label)) },
    { key: 'Areas', value: list(grant.areas.map((area) => area.name)) },
    { key: 'Paid for by', value: list(grant.funders.map((funder) => `${funder.name} (${formatPence(funder.pence)})`)) },
  ];
  if (story.peopleCount != null) rows.push({ key: 'People taking part', value: `About ${story.peopleCount.toLocaleString('en-GB')}` });
  return (
    <article className={`app-story app-story--${story.consent.toLowerCase().replace('_', '-')}`} aria-labelledby={`story-${story.id}`}>
      <Heading className="app-heading-m app-story__heading" id={`story-${story.id}`}>
        {grant.groupName}
      </Heading>
      <p className="app-story__consent">
        <Tag colour={consent.colour}>{consent.tag}</Tag> <span className="app-caption">{consent.note}</span>
      </p>
      <blockquote className="app-story__text">
        {story.text.split(/\n{2,}/).map((paragraph, index) => (
          <p className="app-body" key={index}>
            {paragraph}
          </p>
        ))}
      </blockquote>
      {story.photo ? (
        <figure className="app-story__figure">
          <img className="app-story__photo" src={story.photo.url} width={story.photo.width} height={story.photo.height} alt={story.photo.description ?? `A photo from ${grant.groupName}`} />
          {story.photo.description ? <figcaption className="app-caption">{story.photo.description}</figcaption> : null}
        </figure>
      ) : null}
      <SummaryList noBorder rows={rows} />
      <p className="app-caption">Sent {formatLondonDate(new Date(story.submittedAt))}</p>
    </article>
  );
}
