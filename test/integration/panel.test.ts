import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createApplication, createFund } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const SCORE = `mutation($input: ScoreInput!) { scoreApplication(input: $input) { value comment panellist { id } } }`;
const CONFLICT = `mutation($input: DeclareConflictInput!) { declareConflict(input: $input) { reason panellist { id } } }`;
const VIEW = `query($id: ID!) { fund(id: $id) { applications { reference myConflict scores { value comment panellist { id } } conflicts { reason panellist { id } } } } }`;

let app: TestApp;
let fund: Fund;
let application: Application;
const people: Record<string, { user: User; client: ApiClient }> = {};
beforeAll(async () => {
  app = await startTestApp();
  fund = await createFund(app.em());
  application = await createApplication(app.em(), fund, { status: ApplicationStatus.CHECKED });
  for (const [key, role] of Object.entries({ panellist: FundRole.PANELLIST, community: FundRole.COMMUNITY_PANELLIST, officer: FundRole.FUNDER_OFFICER, trustee: FundRole.PANELLIST })) {
    const user = await addMember(app.em(), fund, role);
    people[key] = { user, client: await app.signedInAs(user) };
  }
});
afterAll(() => app.close());

const viewOf = async (key: string) =>
  (await people[key].client.gql(VIEW, { id: fund.id })).data!.fund.applications.find((entry: { reference: string }) => entry.reference === application.reference);

describe('scores and conflicts of interest', () => {
  it('lets panellists, community panellists included, score; everyone on the panel sees every score', async () => {
    expect((await people.panellist.client.gql(SCORE, { input: { applicationId: application.id, value: 4, comment: 'Clear need, good plan.' } })).errors).toBeUndefined();
    expect((await people.community.client.gql(SCORE, { input: { applicationId: application.id, notEnoughKnowledge: true } })).errors).toBeUndefined();
    // Scoring again replaces the earlier score.
    await people.panellist.client.gql(SCORE, { input: { applicationId: application.id, value: 3, comment: 'Good plan; budget a bit thin.' } });

    const expected = [
      { value: null, comment: null, panellist: { id: people.community.user.id } },
      { value: 3, comment: 'Good plan; budget a bit thin.', panellist: { id: people.panellist.user.id } },
    ];
    for (const key of ['panellist', 'community', 'officer']) expect((await viewOf(key)).scores, key).toEqual(expected);
  });

  it('refuses scores from officers, scores out of range, and scores on applications not yet checked', async () => {
    const refused = await people.officer.client.gql(SCORE, { input: { applicationId: application.id, value: 2 } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const value of [0, 5, null]) {
      const bad = await people.panellist.client.gql(SCORE, { input: { applicationId: application.id, value } });
      expect(bad.errors?.[0].extensions?.fields, String(value)).toEqual([{ field: 'value', message: 'Choose a score from 1 to 4, or say you do not know enough to score.' }]);
    }
    const unchecked = await createApplication(app.em(), fund, { status: ApplicationStatus.SUBMITTED });
    expect((await people.panellist.client.gql(SCORE, { input: { applicationId: unchecked.id, value: 2 } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const outsider = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.PANELLIST));
    expect((await outsider.gql(SCORE, { input: { applicationId: application.id, value: 2 } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('after a conflict is declared, the panellist can no longer score or see scores, and an earlier score is withdrawn', async () => {
    await people.trustee.client.gql(SCORE, { input: { applicationId: application.id, value: 4 } });
    const declared = await people.trustee.client.gql(CONFLICT, { input: { applicationId: application.id, reason: 'I am a trustee of this group.' } });
    expect(declared.data?.declareConflict).toEqual({ reason: 'I am a trustee of this group.', panellist: { id: people.trustee.user.id } });

    const again = await people.trustee.client.gql(SCORE, { input: { applicationId: application.id, value: 4 } });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'You do not have permission to score an application you have declared a conflict of interest on.' });

    const trusteeView = await viewOf('trustee');
    expect(trusteeView.myConflict).toBe(true);
    expect(trusteeView.scores).toBeNull();
    const panelView = await viewOf('panellist');
    expect(panelView.myConflict).toBe(false);
    expect(panelView.scores.map((score: { panellist: { id: string } }) => score.panellist.id)).not.toContain(people.trustee.user.id);
    expect(panelView.conflicts).toEqual([{ reason: 'I am a trustee of this group.', panellist: { id: people.trustee.user.id } }]);
  });
});
