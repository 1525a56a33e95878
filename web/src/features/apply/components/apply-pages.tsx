import type { ReactNode } from 'react';
import { chosenAreaCodes, chosenPriorities, needsCharityNumber, needsCompanyNumber, PAGE_TITLES, WORD_LIMITS, type Answers, type ApplyPageId, type DraftAnswers } from '../../../../../shared/apply/questions.ts';
import { AREA_KIND_LABELS, AreaKind, LEGAL_FORM_LABELS, LegalForm, PriorityKind } from '../../../../../shared/domain.ts';
import type { FieldError } from '../../../../../shared/errors.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import { Button } from '../../../components/button.tsx';
import { Checkboxes } from '../../../components/checkboxes.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { InsetText, Panel } from '../../../components/panel.tsx';
import { Radios } from '../../../components/radios.tsx';
import { SummaryList } from '../../../components/summary-list.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { TextInput } from '../../../components/text-input.tsx';

export interface PublicFundFacts {
  slug: string;
  name: string;
  purpose: string;
  areaDescription: string;
  phaseName: string;
  phaseCriteria: string;
  minAwardPence: number;
  maxAwardPence: number;
  unconstitutedCapPence?: number | null;
  nextPanelAt: Date;
}

const LEGAL_FORM_HINTS: Partial<Record<LegalForm, string>> = {
  [LegalForm.CONSTITUTED_COMMUNITY_GROUP]: 'You have a written constitution or set of rules, but are not registered.',
  [LegalForm.UNCONSTITUTED_GROUP]: 'For example a mutual aid group or a residents’ group with no written rules.',
};

function Column({ children }: { children: ReactNode }) {
  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">{children}</div>
    </div>
  );
}

export function StartPage({ fund, canAssist = false }: { fund: PublicFundFacts; canAssist?: boolean }) {
  return (
    <Column>
      <h1 className="app-heading-xl">Apply to {fund.name}</h1>
      <p className="app-body">{fund.purpose}</p>
      <h2 className="app-heading-m">Who can apply</h2>
      <p className="app-body">
        Groups working in {fund.areaDescription}: charities, community groups, social enterprises, schools, and groups with no
        constitution such as mutual aid groups.
      </p>
      <p className="app-body">This round ({fund.phaseName.toLowerCase()}) is for: {fund.phaseCriteria}</p>
      <h2 className="app-heading-m">How much you can ask for</h2>
      <p className="app-body">
        From {formatPence(fund.minAwardPence)} to {formatPence(fund.maxAwardPence)}.
        {fund.unconstitutedCapPence != null ? ` Groups without a constitution can ask for up to ${formatPence(fund.unconstitutedCapPence)}.` : ''}
      </p>
      <h2 className="app-heading-m">How long it takes</h2>
      <p className="app-body">
        About 15 minutes. First we check this fund can help you. Your answers are saved as you go, and you can come back to them
        later on any device.
      </p>
      <h2 className="app-heading-m">When you will hear</h2>
      <p className="app-body">The panel meets every week. It next decides on {formatLondonDateTime(fund.nextPanelAt)}.</p>
      <form method="post" action={`/apply/${fund.slug}/start`}>
        <Button type="submit" className="app-button--start">
          Start now
        </Button>
      </form>
      {canAssist ? (
        <form method="post" action={`/apply/${fund.slug}/start`}>
          <input type="hidden" name="assisted" value="yes" />
          <InsetText>
            <p className="app-body">You are signed in as a funder officer. You can fill in an application for a group, for example over the phone. It will be marked as assisted, and the group gets the usual confirmation.</p>
            <Button type="submit" variant="secondary">
              Fill in an application for a group
            </Button>
          </InsetText>
        </form>
      ) : null}
    </Column>
  );
}

/** A priority a group may choose when it applies. */
export interface OfferedPriority {
  key: string;
  label: string;
  kind: PriorityKind;
  description?: string | null;
}

/** An area a group may say its work is in: one of the fund's wards, or an area the fund lists. */
export interface OfferedArea {
  code: string;
  name: string;
  kind: AreaKind | `${AreaKind}`;
}

interface QuestionPageProps {
  page: ApplyPageId;
  slug: string;
  fundName: string;
  values: Answers;
  errors: FieldError[];
  draft: DraftAnswers;
  backHref: string;
  /** The fund's priorities on offer, for the priorities page. */
  priorities?: readonly OfferedPriority[];
  /** The fund's areas on offer, for the areas page. */
  areas?: readonly OfferedArea[];
}

const errorFor = (errors: FieldError[], field: string) => errors.find((error) => error.field === field)?.message;

/** Themes and communities as two groups of tick boxes, sent under one name; the error sits on the first. */
function PriorityFields({ priorities, values, error }: { priorities: readonly OfferedPriority[]; values: Answers; error?: string }) {
  const chosen = chosenPriorities(values);
  const groups = [
    { kind: PriorityKind.THEME, legend: 'What is your work about?' },
    { kind: PriorityKind.COMMUNITY, legend: 'Who is it for?' },
  ]
    .map((group) => ({ ...group, items: priorities.filter((priority) => priority.kind === group.kind) }))
    .filter((group) => group.items.length > 0);
  if (groups.length === 0) return <p className="app-body">This fund has no priorities to choose from. Continue to the next question.</p>;
  return (
    <>
      <p className="app-body">Choose any that fit, so the funders can see what the fund pays for. If none fit, leave them all unticked.</p>
      {groups.map((group, index) => (
        <Checkboxes
          key={group.kind}
          id={index === 0 ? 'priorityTags' : `priorityTags-${group.kind.toLowerCase()}`}
          name="priorityTags"
          legend={group.legend}
          legendSize="m"
          hint="Optional. Choose all that apply."
          defaultValue={chosen.filter((key) => group.items.some((item) => item.key === key))}
          error={index === 0 ? error : undefined}
          items={group.items.map((priority) => ({ value: priority.key, label: priority.label, hint: priority.description ?? undefined }))}
        />
      ))}
    </>
  );
}

/** The fund's areas as one group of tick boxes; none ticked leaves the postcode to place the work. */
function AreaFields({ areas, values, error }: { areas: readonly OfferedArea[]; values: Answers; error?: string }) {
  if (areas.length === 0) return <p className="app-body">This fund has no areas to choose from. Continue to the next question.</p>;
  const wards = areas.every((area) => area.kind === AreaKind.WARD);
  return (
    <>
      <p className="app-body">If your work happens away from your postcode, or in more than one place, tell us where. If your postcode says it all, leave them all unticked.</p>
      <Checkboxes
        id="areaCodes"
        name="areaCodes"
        legend={wards ? 'Which wards does your work happen in?' : 'Which areas does your work happen in?'}
        legendSize="m"
        hint="Optional. Choose all that apply."
        defaultValue={chosenAreaCodes(values)}
        error={error}
        items={areas.map((area) => ({ value: area.code, label: wards ? area.name : `${area.name} (${AREA_KIND_LABELS[area.kind as AreaKind].toLowerCase()})` }))}
      />
    </>
  );
}

function Fields({ page, values, errors, draft, priorities = [], areas = [] }: Pick<QuestionPageProps, 'page' | 'values' | 'errors' | 'draft' | 'priorities' | 'areas'>) {
  const error = (field: string) => errorFor(errors, field);
  const text = (field: string, label: string, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput id={field} name={field} label={label} defaultValue={values[field] ?? ''} error={error(field)} {...extra} />
  );
  const area = (field: string, label: string, maxWords: number, hint?: string) => (
    <TextArea id={field} name={field} label={label} hint={hint} maxWords={maxWords} defaultValue={values[field] ?? ''} error={error(field)} />
  );
  switch (page) {
    case 'eligibility':
      return (
        <>
          <Radios id="worksInArea" name="worksInArea" legend="Does your group work in the area this fund covers?" inline defaultValue={values.worksInArea} error={error('worksInArea')} items={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
          <Radios
            id="legalForm"
            name="legalForm"
            legend="What kind of group are you?"
            defaultValue={values.legalForm}
            error={error('legalForm')}
            items={Object.values(LegalForm).map((form) => ({ value: form, label: LEGAL_FORM_LABELS[form], hint: LEGAL_FORM_HINTS[form] }))}
          />
          {text('amountPence', 'How much do you need?', { hint: 'In pounds, for example 1500', prefix: '£', width: '10', inputMode: 'decimal' })}
          {area('purpose', 'What is the money for?', WORD_LIMITS.purpose, 'A few words, for example “food parcels for families”')}
        </>
      );
    case 'group':
      return (
        <>
          {text('groupName', 'What is your group called?', { autoComplete: 'organization' })}
          {needsCharityNumber(draft.eligibility?.legalForm) ? text('charityNumber', 'Charity number', { width: '10', inputMode: 'numeric', hint: 'From the Charity Commission register' }) : null}
          {needsCompanyNumber(draft.eligibility?.legalForm) ? text('companyNumber', 'Company number', { width: '10', hint: 'From Companies House, for example 01234567' }) : null}
        </>
      );
    case 'unconstituted-route':
      return (
        <Radios
          id="route"
          name="route"
          legend="How will your group receive the money?"
          hint="Groups without a constitution need someone to vouch for them."
          defaultValue={values.route}
          error={error('route')}
          items={[
            { value: 'HOST', label: 'A local organisation will hold the money for us', hint: 'A charity, church, school or constituted group. We will ask them to confirm.' },
            { value: 'MEMBERS', label: 'Two of our members and a referee', hint: 'Two unrelated members, and a referee from a constituted local organisation. We will ask the referee to confirm.' },
          ]}
        />
      );
    case 'host':
      return (
        <>
          {text('hostName', 'Name of the organisation that will hold the money')}
          {text('hostContactName', 'Who should we ask there?', { autoComplete: 'off' })}
          {text('hostEmail', 'Their email address', { type: 'email', spellCheck: false, hint: 'We will email them a link to confirm' })}
        </>
      );
    case 'members':
      return (
        <>
          {text('member1Name', 'Full name of the first member')}
          {text('member2Name', 'Full name of the second member', { hint: 'Not related to or living with the first member' })}
          {text('refereeName', 'Full name of your referee')}
          {text('refereeOrganisation', 'Organisation your referee works or volunteers for', { hint: 'It must have a constitution, for example a charity or school' })}
          {text('refereeEmail', "Your referee's email address", { type: 'email', spellCheck: false, hint: 'We will email them a link to confirm' })}
        </>
      );
    case 'contact':
      return (
        <>
          {text('contactName', 'Your full name', { autoComplete: 'name' })}
          {text('contactEmail', 'Your email address', { type: 'email', autoComplete: 'email', spellCheck: false, hint: 'We will send your confirmation here' })}
          {text('contactPhone', 'Phone number (optional)', { type: 'tel', autoComplete: 'tel', width: '20', hint: 'In case we need to talk to you about your application' })}
        </>
      );
    case 'where':
      return text('postcode', 'Postcode where most of your work happens', { autoComplete: 'postal-code', width: '10', hint: 'For example CA1 1AA' });
    case 'work':
      return (
        <>
          {text('title', 'Give your project a short name', { hint: `Up to ${WORD_LIMITS.title} words` })}
          {area('description', 'What will you do?', WORD_LIMITS.description)}
          {area('beneficiaries', 'Who will benefit, and how many people roughly?', WORD_LIMITS.beneficiaries)}
        </>
      );
    case 'areas':
      return <AreaFields areas={areas} values={values} error={error('areaCodes')} />;
    case 'priorities':
      return <PriorityFields priorities={priorities} values={values} error={error('priorityTags')} />;
    case 'budget':
      return area('budget', 'Roughly how will you spend the money?', WORD_LIMITS.budget, 'For example “£600 food, £200 van fuel, £100 bags”');
  }
}

export function QuestionPage({ page, slug, fundName, values, errors, draft, backHref, priorities, areas }: QuestionPageProps) {
  return (
    <Column>
      <a className="app-back-link" href={backHref}>
        Back
      </a>
      <ErrorSummary errors={errors} />
      <span className="app-caption">{fundName}</span>
      <h1 className="app-heading-l">{PAGE_TITLES[page]}</h1>
      <form method="post" action={`/apply/${slug}/${page}`} data-autosave={`/apply/${slug}/${page}/autosave`} noValidate>
        <Fields page={page} values={values} errors={errors} draft={draft} priorities={priorities} areas={areas} />
        <div className="app-button-group">
          <Button type="submit">Save and continue</Button>
          <a className="app-link" href={`/apply/${slug}/save-for-later`}>
            Save and come back later
          </a>
        </div>
      </form>
    </Column>
  );
}

export function EligibilityPage({ slug, eligible, reasons }: { slug: string; eligible: boolean; reasons: string[] }) {
  return (
    <Column>
      {eligible ? (
        <>
          <h1 className="app-heading-l">You can apply</h1>
          <p className="app-body">From what you have told us, this fund can consider your application. The next questions take about 10 minutes.</p>
          <a className="app-button" href={`/apply/${slug}/group`}>
            Continue
          </a>
        </>
      ) : (
        <>
          <h1 className="app-heading-l">This fund cannot help with that</h1>
          <ul className="app-list app-list--bullet">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p className="app-body">
            <a href={`/apply/${slug}/eligibility`}>Change your answers</a>
          </p>
        </>
      )}
    </Column>
  );
}

function describe(page: ApplyPageId, answers: Answers, priorityLabel: (key: string) => string, areaName: (code: string) => string): { key: string; value: string }[] {
  switch (page) {
    case 'areas': {
      const chosen = chosenAreaCodes(answers);
      return [{ key: 'Areas', value: chosen.length > 0 ? chosen.map(areaName).join(', ') : 'None chosen: we will use your postcode' }];
    }
    case 'priorities': {
      const chosen = chosenPriorities(answers);
      return [{ key: 'Priorities', value: chosen.length > 0 ? chosen.map(priorityLabel).join(', ') : 'None chosen' }];
    }
    case 'eligibility':
      return [
        { key: 'Works in the fund area', value: answers.worksInArea === 'yes' ? 'Yes' : 'No' },
        { key: 'Kind of group', value: LEGAL_FORM_LABELS[answers.legalForm as LegalForm] ?? answers.legalForm },
        { key: 'Amount', value: formatPence(Number(answers.amountPence)) },
        { key: 'What it is for', value: answers.purpose },
      ];
    case 'unconstituted-route':
      return [{ key: 'Receiving the money', value: answers.route === 'HOST' ? 'Through a host organisation' : 'Two members and a referee' }];
    case 'members':
      return [
        { key: 'Members', value: `${answers.member1Name} and ${answers.member2Name}` },
        { key: 'Referee', value: `${answers.refereeName}, ${answers.refereeOrganisation} (${answers.refereeEmail})` },
      ];
    default: {
      const labels: Record<string, string> = {
        groupName: 'Group name', charityNumber: 'Charity number', companyNumber: 'Company number', hostName: 'Host organisation',
        hostContactName: 'Contact there', hostEmail: 'Their email', contactName: 'Your name', contactEmail: 'Your email',
        contactPhone: 'Your phone', postcode: 'Postcode', title: 'Project name', description: 'What you will do',
        beneficiaries: 'Who will benefit', budget: 'How you will spend it',
      };
      return Object.entries(answers).map(([field, value]) => ({ key: labels[field] ?? field, value }));
    }
  }
}

export function CheckAnswersPage({ slug, fundName, answers, pages, priorityLabel = (key) => key, areas = [] }: { slug: string; fundName: string; answers: DraftAnswers; pages: ApplyPageId[]; priorityLabel?: (key: string) => string; areas?: readonly OfferedArea[] }) {
  const areaNames = new Map(areas.map((area) => [area.code, area.name]));
  const areaName = (code: string) => areaNames.get(code) ?? code;
  return (
    <Column>
      <span className="app-caption">{fundName}</span>
      <h1 className="app-heading-l">Check your answers before sending your application</h1>
      {pages.map((page) => (
        <section key={page}>
          <h2 className="app-heading-m">{PAGE_TITLES[page]}</h2>
          <SummaryList
            rows={describe(page, answers[page] ?? {}, priorityLabel, areaName).map((row) => ({
              key: row.key,
              value: row.value,
              action: { href: `/apply/${slug}/${page}`, label: 'Change', visuallyHiddenText: row.key.toLowerCase() },
            }))}
          />
        </section>
      ))}
      <h2 className="app-heading-m">Now send your application</h2>
      <p className="app-body">By sending this you confirm that, to the best of your knowledge, the details you are giving are correct.</p>
      <form method="post" action={`/apply/${slug}/submit`}>
        <Button type="submit">Send application</Button>
      </form>
    </Column>
  );
}

export function ConfirmationPage({ reference, email }: { reference: string; email: string }) {
  return (
    <Column>
      <Panel title="Application sent">
        Your reference is <strong data-testid="reference">{reference}</strong>
      </Panel>
      <p className="app-body">We have sent a confirmation to {email}.</p>
      <h2 className="app-heading-m">What happens next</h2>
      <p className="app-body">
        Someone from the fund will check your application, and may call or email you with questions. The panel meets every week; we
        will tell you what it decides.
      </p>
    </Column>
  );
}

export function SaveForLaterPage({ slug, email, errors, sentTo }: { slug: string; email: string; errors: FieldError[]; sentTo?: string }) {
  if (sentTo) {
    return (
      <Column>
        <h1 className="app-heading-l">We have emailed you a link</h1>
        <p className="app-body">Use the link we sent to {sentTo} to carry on with your application, on this or any other device.</p>
        <InsetText>Drafts nobody has touched for 90 days are deleted, so that we do not keep your details without a reason.</InsetText>
        <p className="app-body">
          <a href={`/apply/${slug}/continue`}>Carry on now</a>
        </p>
      </Column>
    );
  }
  return (
    <Column>
      <ErrorSummary errors={errors} />
      <h1 className="app-heading-l">Save and come back later</h1>
      <p className="app-body">Your answers so far are saved. We will email you a link that opens them again.</p>
      <form method="post" action={`/apply/${slug}/save-for-later`} noValidate>
        <TextInput id="email" name="email" type="email" label="Email address" autoComplete="email" spellCheck={false} defaultValue={email} error={errorFor(errors, 'email')} />
        <Button type="submit">Email me a link</Button>
      </form>
    </Column>
  );
}

export function ProblemPage({ title, message, slug }: { title: string; message: string; slug?: string }) {
  return (
    <Column>
      <h1 className="app-heading-l">{title}</h1>
      <p className="app-body">{message}</p>
      {slug ? (
        <p className="app-body">
          <a href={`/apply/${slug}`}>Start an application</a>
        </p>
      ) : null}
    </Column>
  );
}
