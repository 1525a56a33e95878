import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import { runPanelRhythm } from '../../server/modules/panels/agenda.service.ts';
import { addMember, createApplication, createFund } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

// Thursday 26 November 2026, 14:00 GMT; cut-off 48 hours before, Tuesday 24th at 14:00.
const MEETING = '2026-11-26T14:00:00.000Z';
const CUTOFF = '2026-11-24T14:00:00.000Z';
const NEXT_MEETING = '2026-12-03T14:00:00.000Z';

it('schedules the weekly meeting, builds its agenda at the cut-off, and rolls later items to the next week', async () => {
  const fund = await createFund(app.em(), { panelWeekday: 4, panelTime: '14:00', cutoffHoursBefore: 48 });
  const early = await createApplication(app.em(), fund, { status: ApplicationStatus.CHECKED });
  const late = await createApplication(app.em(), fund, { status: ApplicationStatus.CHECKED });
  const untriaged = await createApplication(app.em(), fund, { status: ApplicationStatus.SUBMITTED });
  const connection = app.em().getConnection();
  await connection.execute('UPDATE application SET ready_for_panel_at = ? WHERE id = ?', [new Date('2026-11-23T10:00:00Z'), early.id]);
  await connection.execute('UPDATE application SET ready_for_panel_at = ? WHERE id = ?', [new Date('2026-11-25T09:00:00Z'), late.id]);

  // Monday: the meeting is scheduled; nothing is on its agenda before the cut-off.
  expect(await runPanelRhythm(app.em(), new Date('2026-11-23T12:00:00Z'))).toMatchObject({ scheduled: 1, agendasBuilt: 0 });
  // Wednesday, after the cut-off: the agenda takes what was ready by Tuesday 14:00.
  expect(await runPanelRhythm(app.em(), new Date('2026-11-25T10:00:00Z'))).toEqual({ scheduled: 0, agendasBuilt: 1, itemsAdded: 1 });
  // Running again changes nothing.
  expect(await runPanelRhythm(app.em(), new Date('2026-11-25T10:05:00Z'))).toEqual({ scheduled: 0, agendasBuilt: 0, itemsAdded: 0 });

  const coordinator = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
  const query = `query($id: ID!) { fund(id: $id) { meetings { meetsAt cutoffAt status agenda { reference status } } } }`;
  expect((await coordinator.gql(query, { id: fund.id })).data?.fund.meetings).toEqual([
    { meetsAt: MEETING, cutoffAt: CUTOFF, status: 'SCHEDULED', agenda: [{ reference: early.reference, status: 'ON_AGENDA' }] },
  ]);

  // After Thursday's meeting time the next week's meeting is scheduled; after its cut-off the late one joins it.
  await runPanelRhythm(app.em(), new Date('2026-11-26T15:00:00Z'));
  await runPanelRhythm(app.em(), new Date('2026-12-01T14:30:00Z'));
  const meetings = (await coordinator.gql(query, { id: fund.id })).data?.fund.meetings;
  expect(meetings.map((meeting: { meetsAt: string; agenda: { reference: string }[] }) => [meeting.meetsAt, meeting.agenda.map((item) => item.reference)])).toEqual([
    [NEXT_MEETING, [late.reference]],
    [MEETING, [early.reference]],
  ]);
  const [{ status }] = await connection.execute('SELECT status FROM application WHERE id = ?', [untriaged.id]);
  expect(status).toBe('SUBMITTED');
});
