import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { addMember, createFund } from '../factories/index.ts';
import { createScoredMeeting } from '../factories/panel-meeting.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { PANEL_PACK } from './panel-pack.query.ts';


let app: TestApp;
let fund: Fund;
let statements: string[] = [];
beforeAll(async () => {
  app = await startTestApp({ onQuery: (sql) => statements.push(sql) });
  fund = await createFund(app.em());
});
afterAll(() => app.close());

describe('the panel pack', () => {
  it('costs the same number of SQL statements for a small meeting and a large one', async () => {
    const small = await createScoredMeeting(app.em(), fund, { applications: 5, panellists: 2, contributions: 2 }, new Date('2026-11-19T14:00:00Z'));
    const large = await createScoredMeeting(app.em(), fund, { applications: 40, panellists: 8, contributions: 12 });
    const coordinator = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));

    const counts: number[] = [];
    for (const { meeting, agenda } of [small, large]) {
      statements = [];
      const result = await coordinator.gql(PANEL_PACK, { id: meeting.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.meeting.agenda).toHaveLength(agenda.length);
      counts.push(statements.length);
    }
    // session, memberships, the pack cache's version check, the meeting with its fund, the agenda with
    // groups and phases, the people, the fund's money, contributions with funders and phases,
    // conflicts, duplicate flags with both sides joined, decisions, their draws, the contributions'
    // money, scores, the fund's priorities (for their labels).
    expect(counts).toEqual([15, 15]);
  });

  it('shows every panellist the same scores, and hides them from whoever declared a conflict', async () => {
    const { meeting, panellists, agenda } = await createScoredMeeting(app.em(), fund, { applications: 3, panellists: 3, contributions: 1 }, new Date('2026-12-03T14:00:00Z'));
    const views = await Promise.all(panellists.map(async (panellist) => (await (await app.signedInAs(panellist)).gql(PANEL_PACK, { id: meeting.id })).data!.meeting.agenda));

    // Panellist i declared a conflict on application i: they see no scores there, and everyone sees the others.
    views.forEach((view, p) =>
      view.forEach((item: { reference: string; myConflict: boolean; scores: unknown[] | null; conflicts: unknown[] }, i: number) => {
        expect(item.reference).toBe(agenda[i].reference);
        expect(item.myConflict).toBe(p === i);
        expect(item.scores === null ? null : item.scores.length).toBe(p === i ? null : 2);
        expect(item.conflicts).toHaveLength(1);
      }),
    );
    expect(views[1][0].scores).toEqual(views[2][0].scores);
  });

  it('shows each contribution’s ledger and its restrictions', async () => {
    const other = await createFund(app.em());
    const { meeting } = await createScoredMeeting(app.em(), other, { applications: 1, panellists: 1, contributions: 2 });
    const coordinator = await app.signedInAs(await addMember(app.em(), other, FundRole.COORDINATOR));
    const { data } = await coordinator.gql(PANEL_PACK, { id: meeting.id });
    expect(data!.meeting.fund.contributions.map((entry: Record<string, unknown>) => [entry.amountPence, entry.restrictedToPriorities, entry.ledger])).toEqual([
      [20_000_00, [], { committedPence: 0, paidPence: 0, availablePence: 20_000_00 }],
      [21_000_00, ['food'], { committedPence: 0, paidPence: 0, availablePence: 21_000_00 }],
    ]);
  });

  it('is refused to anyone without a role in the fund, and to people signed out', async () => {
    const { meeting } = await createScoredMeeting(app.em(), fund, { applications: 1, panellists: 1, contributions: 0 }, new Date('2026-12-10T14:00:00Z'));
    const elsewhere = await createFund(app.em());
    const outsider = await app.signedInAs(await addMember(app.em(), elsewhere, FundRole.FUNDER_OFFICER));
    expect((await outsider.gql(PANEL_PACK, { id: meeting.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.client().gql(PANEL_PACK, { id: meeting.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await outsider.gql(PANEL_PACK, { id: 'not-a-meeting' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('names panellists to each other without their contact details', async () => {
    const { meeting, panellists } = await createScoredMeeting(app.em(), fund, { applications: 1, panellists: 2, contributions: 0 }, new Date('2026-12-17T14:00:00Z'));
    const community = await app.signedInAs(panellists[0]);
    const asked = await community.gql(`query($id: ID!) { meeting(id: $id) { agenda { scores { panellist { email } } } } }`, { id: meeting.id });
    expect(asked.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const { data } = await community.gql(`query($id: ID!) { meeting(id: $id) { agenda { conflicts { panellist { id name } } } } }`, { id: meeting.id });
    expect(data!.meeting.agenda[0].conflicts).toEqual([{ panellist: { id: panellists[0].id, name: panellists[0].name } }]);
  });
});
