import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { FUND_ROLE_LABELS, FUNDER_KIND_LABELS, FunderKind, FundRole, INVITE_STATE_LABELS, InviteState } from '../../../../../shared/domain.ts';
import type { FieldError } from '../../../../../shared/errors.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { formProblems, messageFor } from '../../../app/form-problems.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { Radios } from '../../../components/radios.tsx';
import { Table } from '../../../components/table.tsx';
import { Tag, type TagColour } from '../../../components/tag.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import type { FundPeopleQuery } from '../../../gql/graphql.ts';
import { useInviteToFund } from '../api/invite-to-fund.ts';
import { useFundPeople } from '../api/people.ts';
import { useRevokeInvite } from '../api/revoke-invite.ts';

type Fund = FundPeopleQuery['fund'];

const NEW_FUNDER = 'new';
const NO_FUNDER = 'none';

const STATE_COLOURS: Record<InviteState, TagColour> = {
  [InviteState.PENDING]: 'blue',
  [InviteState.ACCEPTED]: 'green',
  [InviteState.EXPIRED]: 'grey',
  [InviteState.REVOKED]: 'red',
};

const ROLE_HINTS: Record<FundRole, string> = {
  [FundRole.COORDINATOR]: 'Runs the fund: settings, people, the weekly panel',
  [FundRole.FUNDER_OFFICER]: "Records their funder's money and checks applications",
  [FundRole.PANELLIST]: 'Scores applications and decides in the weekly panel',
  [FundRole.COMMUNITY_PANELLIST]: 'A community member on the panel; never sees contact or bank details',
};

export function PeoplePage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useFundPeople(fundId);
  usePageTitle(data ? `${data.fund.name}: people` : 'People');
  if (isPending) return <p className="app-body" role="status">Loading the people in this fund…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund } = data;
  return (
    <>
      <span className="app-caption-l">{fund.name}</span>
      <h1 className="app-heading-l">People</h1>
      <InviteForm fund={fund} />
      <Members fund={fund} />
      <Invites fund={fund} />
    </>
  );
}

function InviteForm({ fund }: { fund: Fund }) {
  const invite = useInviteToFund(fund.id);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const empty = { name: '', email: '', role: '', funder: '', newFunderName: '', newFunderKind: '' };
  const [values, setValues] = useState(empty);
  const [local, setLocal] = useState<FieldError[]>([]);
  const problems = formProblems(local, invite.error, 'email');
  const set = (field: keyof typeof values) => (text: string) => setValues({ ...values, [field]: text });
  const forFunder = values.role === FundRole.FUNDER_OFFICER || values.role === FundRole.PANELLIST || values.role === FundRole.COORDINATOR;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!values.role) found.push({ field: 'role', message: 'Choose the role this person will have.' });
    setLocal(found);
    setSentTo(null);
    if (found.length > 0) return;
    const funderChoice =
      !forFunder || values.funder === NO_FUNDER || values.funder === ''
        ? {}
        : values.funder === NEW_FUNDER
          ? { newFunderName: values.newFunderName.trim(), newFunderKind: (values.newFunderKind || null) as FunderKind | null }
          : { funderId: values.funder };
    invite.mutate(
      { name: values.name.trim(), email: values.email.trim(), role: values.role as FundRole, ...funderChoice },
      {
        onSuccess: (result) => {
          setSentTo(result.inviteToFund.email);
          setValues(empty);
        },
      },
    );
  };

  const funderItems = [
    ...fund.funders.map((funder) => ({ value: funder.id, label: funder.name })),
    { value: NEW_FUNDER, label: 'A funder new to this fund' },
    ...(values.role === FundRole.FUNDER_OFFICER ? [] : [{ value: NO_FUNDER, label: 'No funder' }]),
  ];

  return (
    <section aria-labelledby="invite-heading">
      <ErrorSummary errors={problems} />
      {sentTo ? (
        <NotificationBanner type="success" title="Invite sent">
          <p className="app-body">We emailed {sentTo} a link to join. It works once and expires in 7 days.</p>
        </NotificationBanner>
      ) : null}
      <h2 className="app-heading-m" id="invite-heading">
        Invite someone
      </h2>
      <form onSubmit={submit} noValidate>
        <TextInput id="name" name="name" label="Their name" autoComplete="off" value={values.name} onChange={(event) => set('name')(event.target.value)} error={messageFor(problems, 'name')} />
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Their email address"
          hint="The link to join is sent here, and they sign in with it from then on"
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onChange={(event) => set('email')(event.target.value)}
          error={messageFor(problems, 'email')}
        />
        <Radios
          id="role"
          name="role"
          legend="Role"
          legendSize="s"
          items={Object.values(FundRole).map((role) => ({ value: role, label: FUND_ROLE_LABELS[role], hint: ROLE_HINTS[role] }))}
          value={values.role}
          onChange={set('role')}
          error={messageFor(problems, 'role')}
        />
        {forFunder ? (
          <Radios
            id="funderId"
            name="funder"
            legend={values.role === FundRole.FUNDER_OFFICER ? 'Which funder do they work for?' : 'Do they work for a funder? (optional)'}
            legendSize="s"
            items={funderItems}
            value={values.funder}
            onChange={set('funder')}
            error={messageFor(problems, 'funderId')}
          />
        ) : null}
        {forFunder && values.funder === NEW_FUNDER ? (
          <NewFunderFields name={values.newFunderName} kind={values.newFunderKind} onName={set('newFunderName')} onKind={set('newFunderKind')} problems={problems} />
        ) : null}
        <Button type="submit" disabled={invite.isPending}>
          Send invite
        </Button>
      </form>
    </section>
  );
}

function NewFunderFields({ name, kind, onName, onKind, problems }: { name: string; kind: string; onName: (name: string) => void; onKind: (kind: string) => void; problems: readonly FieldError[] }) {
  return (
    <>
      <TextInput id="newFunderName" name="newFunderName" label="Name of the funder" value={name} onChange={(event) => onName(event.target.value)} error={messageFor(problems, 'newFunderName')} />
      <Radios
        id="newFunderKind"
        name="newFunderKind"
        legend="Kind of funder"
        legendSize="s"
        items={Object.values(FunderKind).map((value) => ({ value, label: FUNDER_KIND_LABELS[value] }))}
        value={kind}
        onChange={onKind}
        error={messageFor(problems, 'newFunderKind')}
      />
    </>
  );
}

function Members({ fund }: { fund: Fund }) {
  return (
    <Table
      caption="People in this fund"
      rowKey={(member) => member.id}
      rows={fund.members}
      emptyText="Nobody yet."
      columns={[
        { key: 'name', header: 'Name', render: (member) => <>{member.user.name}<br /><span className="app-caption">{member.user.email}</span></> },
        { key: 'role', header: 'Role', render: (member) => FUND_ROLE_LABELS[member.role] },
        { key: 'funder', header: 'Funder', render: (member) => member.funder?.name ?? '—' },
      ]}
    />
  );
}

function Invites({ fund }: { fund: Fund }) {
  const revoke = useRevokeInvite(fund.id);
  const problems = formProblems([], revoke.error, 'invites').map((problem) => ({ ...problem, field: 'invites' }));
  return (
    <section aria-labelledby="invites-heading" id="invites" tabIndex={-1}>
      <h2 className="app-heading-m" id="invites-heading">
        Invites
      </h2>
      <ErrorSummary errors={problems} />
      <Table
        caption={<span className="app-visually-hidden">Invites sent, newest first</span>}
        rowKey={(invite) => invite.id}
        rows={fund.invites}
        emptyText="No invites sent yet."
        columns={[
          { key: 'who', header: 'Invited', render: (invite) => <>{invite.name}<br /><span className="app-caption">{invite.email}</span></> },
          { key: 'role', header: 'As', render: (invite) => `${FUND_ROLE_LABELS[invite.role]}${invite.funder ? ` for ${invite.funder.name}` : ''}` },
          {
            key: 'state',
            header: 'State',
            render: (invite) => (
              <>
                <Tag colour={STATE_COLOURS[invite.state]}>{INVITE_STATE_LABELS[invite.state]}</Tag>
                <br />
                <span className="app-caption">
                  Sent {formatLondonDateTime(new Date(invite.createdAt))} by {invite.invitedBy.name}
                  {invite.state === InviteState.PENDING ? `; expires ${formatLondonDateTime(new Date(invite.expiresAt))}` : ''}
                </span>
              </>
            ),
          },
          {
            key: 'action',
            header: <span className="app-visually-hidden">Action</span>,
            render: (invite) =>
              invite.state === InviteState.PENDING ? (
                <Button variant="warning" disabled={revoke.isPending} onClick={() => revoke.mutate(invite.id)}>
                  Withdraw<span className="app-visually-hidden"> the invite to {invite.email}</span>
                </Button>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
