import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import type { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { checkFund } from '../../server/modules/duplicates/duplicates.service.ts';
import { addMember, createFund } from '../factories/index.ts';
import { createScoredMeeting } from '../factories/panel-meeting.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';
import { PANEL_PACK } from './panel-pack.query.ts';

// The pack is cached per person and per fund data version, which triggers raise with every change
// the pack shows. These tests change each kind of row and check that the next read sees it.
let app: TestApp;
let fund: Fund;
let meeting: PanelMeeting;
let agenda: Application[];
let panellists: User[];
let coordinator: ApiClient;
let statements = 0;

beforeAll(async () => {
  app = await startTestApp({ onQuery: () => (statements += 1) });
  fund = await createFund(app.em());
  ({ meeting, agenda, panellists } = await createScoredMeeting(app.em(), fund, { applications: 5, panellists: 3, contributions: 2 }));
  coordinator = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
});
afterAll(() => app.close());

async function read(client: ApiClient) {
  statements = 0;
  const result = await client.gql(PANEL_PACK, { id: meeting.id });
  expect(result.errors).toBeUndefined();
  return { pack: result.data!.meeting, statements };
}

const sql = (text: string, params: unknown[] = []) => app.em().getConnection().execute(text, params);

describe('the panel pack cache', () => {
  it('answers a repeated read with three statements: the session, the memberships and the version', async () => {
    const first = await read(coordinator);
    const second = await read(coordinator);
    expect(first.statements).toBe(15);
    expect(second).toEqual({ pack: first.pack, statements: 3 });
  });

  it('never gives one person’s pack to another: a conflicted panellist still sees no scores', async () => {
    await read(coordinator);
    const conflicted = await app.signedInAs(panellists[0]);
    const { pack } = await read(conflicted);
    expect(pack.agenda[0]).toMatchObject({ myConflict: true, scores: null });
    expect((await read(coordinator)).pack.agenda[0].scores).toHaveLength(2);
  });

  const changes: [string, () => Promise<unknown>, (pack: Record<string, any>) => unknown, unknown][] = [
    ['a score', () => sql(`UPDATE score SET comment = 'Changed my mind.' WHERE application_id = ? AND panellist_id = ?`, [agenda[0].id, panellists[1].id]), (pack) => pack.agenda[0].scores.find((score: { panellist: { id: string } }) => score.panellist.id === panellists[1].id).comment, 'Changed my mind.'],
    ['a conflict', () => sql(`DELETE FROM conflict_of_interest WHERE application_id = ?`, [agenda[2].id]), (pack) => pack.agenda[2].conflicts.length, 0],
    ['a decision', () => sql(`UPDATE decision SET reason = 'Out of area.' WHERE application_id = ?`, [agenda[3].id]), (pack) => pack.agenda[3].decision.reason, 'Out of area.'],
    ['an award’s split', () => sql(`UPDATE award_draw SET amount_pence = amount_pence - 1 WHERE decision_id = (SELECT id FROM decision WHERE application_id = ?)`, [agenda[4].id]), (pack) => pack.fund.contributions[0].ledger.committedPence, 1_500_00 - 1],
    ['a contribution', () => sql(`UPDATE contribution SET amount_pence = amount_pence + 100 WHERE fund_id = ?`, [fund.id]), (pack) => pack.fund.ledger.contributedPence, 41_000_00 + 200],
    ['the fund', () => sql(`UPDATE fund SET purpose = 'A new shared purpose for the recovery.' WHERE id = ?`, [fund.id]), (pack) => pack.fund.purpose, 'A new shared purpose for the recovery.'],
    ['an application on the agenda', () => sql(`UPDATE application SET title = 'Hot meals' WHERE id = ?`, [agenda[1].id]), (pack) => pack.agenda[1].title, 'Hot meals'],
    ['a group on the agenda', () => sql(`UPDATE applicant_group SET name = 'Renamed Group' WHERE id = (SELECT group_id FROM application WHERE id = ?)`, [agenda[1].id]), (pack) => pack.agenda[1].group.name, 'Renamed Group'],
    ['a funder', () => sql(`UPDATE funder SET name = 'Renamed Trust' WHERE id = (SELECT funder_id FROM contribution WHERE fund_id = ? ORDER BY amount_pence LIMIT 1)`, [fund.id]), (pack) => pack.fund.contributions[0].funder.name, 'Renamed Trust'],
    ['a panellist’s name', () => sql(`UPDATE app_user SET name = 'Renamed Panellist' WHERE id = ?`, [panellists[2].id]), (pack) => pack.people.some((member: { user: { name: string } }) => member.user.name === 'Renamed Panellist'), true],
    ['a membership', () => sql(`DELETE FROM fund_membership WHERE user_id = ?`, [panellists[2].id]), (pack) => pack.people.length, 3],
    // The factory's applications share a postcode and a title, so checking the fund flags them.
    ['duplicate flags', () => checkFund(app.em(), fund.id), (pack) => pack.agenda.every((item: { duplicateFlags: unknown[] }) => item.duplicateFlags.length > 0), true],
    ['a priority’s label', () => sql(`UPDATE priority SET label = 'Food and essentials' WHERE fund_id = ? AND key = 'food'`, [fund.id]), (pack) => pack.fund.priorities.find((priority: { key: string }) => priority.key === 'food').label, 'Food and essentials'],
    ['a duplicate flag’s review', () => sql(`UPDATE duplicate_flag SET verdict = 'NOT_DUPLICATE', reviewed_at = now() WHERE fund_id = ?`, [fund.id]), (pack) => pack.agenda[0].duplicateFlags[0].verdict, 'NOT_DUPLICATE'],
  ];

  it.each(changes)('is read afresh after a change to %s', async (_what, change, pick, expected) => {
    await read(coordinator);
    expect((await read(coordinator)).statements).toBe(3);
    await change();
    const { pack, statements: count } = await read(coordinator);
    expect(count).toBe(15);
    expect(pick(pack)).toEqual(expected);
  });

  it('is not emptied by a change that was rolled back, nor by signing in', async () => {
    await read(coordinator);
    await app.em().transactional(async (em) => {
      await em.getConnection().execute(`UPDATE fund SET purpose = 'Never committed purpose.' WHERE id = ?`, [fund.id], 'run', em.getTransactionContext());
      throw new Error('roll back');
    }).catch(() => undefined);
    await app.signedInAs(panellists[1]);
    const { pack, statements: count } = await read(coordinator);
    expect(count).toBe(3);
    expect(pack.fund.purpose).toBe('A new shared purpose for the recovery.');
  });
});
