import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createApplication, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let photoFolder: string;
let fund: Fund;
let chair: User;
let coordinator: ApiClient;
const applications: Record<'sentences' | 'shortForm', Application> = {} as never;
const tokens: Record<'sentences' | 'shortForm', string> = {} as never;

const sql = <T>(query: string, params: unknown[] = []) => app.em().getConnection().execute<T[]>(query, params);
const reportOf = async (key: keyof typeof applications) =>
  (await sql<Record<string, unknown>>(`SELECT r.* FROM report r JOIN fund_grant g ON g.id = r.grant_id WHERE g.application_id = ?`, [applications[key].id]))[0];

const get = (pathname: string, cookie?: string) => fetch(`${app.url}${pathname}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const post = (pathname: string, fields: Record<string, string>) =>
  fetch(`${app.url}${pathname}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const upload = (token: string, file: Buffer | null, fields: Record<string, string> = {}, name = 'photo.jpg', type = 'image/jpeg') => {
  const form = new FormData();
  if (file) form.append('photo', new Blob([new Uint8Array(file)], { type }), name);
  for (const [field, value] of Object.entries(fields)) form.append(field, value);
  return fetch(`${app.url}/report/${token}/photo`, { method: 'POST', redirect: 'manual', body: form });
};
const redirectedTo = (response: Response) => ({ status: response.status, location: response.headers.get('location') });
/** The error message printed next to a field (its id is `<field>-error`), without the hidden "Error:" prefix. */
const fieldError = (html: string, field: string) => new RegExp(`<p id="${field}-error" class="app-error-message"><span class="app-visually-hidden">Error:</span> ([^<]*)</p>`).exec(html)?.[1];

/** A JPEG from a phone: camera make and model and its GPS position in the EXIF. */
const phonePhoto = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#1d70b8' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Pocket 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '54/1 53/1 30/1', GPSLongitudeRef: 'W', GPSLongitude: '2/1 56/1 10/1' } })
    .toBuffer();

/** A PNG with a text chunk holding a home address, inserted after its header chunk by hand. */
async function pngWithText(text: string) {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#00703c' } }).png().toBuffer();
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const headerEnd = 8 + 25; // signature, then IHDR: length, type, 13 bytes, CRC
  return Buffer.concat([png.subarray(0, headerEnd), chunk, png.subarray(headerEnd)]);
}

const storedFiles = async () => (await readdir(photoFolder)).sort();

beforeAll(async () => {
  photoFolder = await mkdtemp(path.join(tmpdir(), 'report-photos-'));
  app = await startTestApp({ env: { REPORT_PHOTOS_DIR: photoFolder } });
  const em = app.em();
  fund = await createFund(em);
  await createContribution(em, fund, { funder: await createFunder(em), amountPence: 5000_00 });
  const meeting = em.create(PanelMeeting, { fund, meetsAt: new Date('2026-11-19T14:00:00Z'), cutoffAt: new Date('2026-11-17T14:00:00Z') });
  for (const key of ['sentences', 'shortForm'] as const) {
    applications[key] = await createApplication(em, fund, { status: ApplicationStatus.ON_AGENDA, title: key === 'sentences' ? 'Knit and natter' : 'Winter pantry', group: { contactEmail: `${key}@group.example` } });
    applications[key].meeting = meeting;
  }
  await em.flush();
  chair = await addMember(em, fund, FundRole.COORDINATOR);
  coordinator = await app.signedInAs(chair);
  // The default policy: a few sentences under £1,000, the short form from £1,000.
  for (const [key, amountPence] of [['sentences', 400_00], ['shortForm', 2000_00]] as const) {
    const decided = await coordinator.gql(`mutation($input: DecisionInput!) { recordDecision(input: $input) { version } }`, { input: { applicationId: applications[key].id, expectedVersion: 0, kind: 'AWARD', amountPence } });
    expect(decided.errors).toBeUndefined();
  }
  const closed = await coordinator.gql(`mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { status } }`, { input: { meetingId: meeting.id, attendeeIds: [chair.id] } });
  expect(closed.errors).toBeUndefined();
  for (const key of ['sentences', 'shortForm'] as const) {
    const [mail] = await sql<{ body: string }>(`SELECT body FROM outbound_email WHERE kind = 'report-link' AND to_address = ?`, [`${key}@group.example`]);
    tokens[key] = /\/report\/([\w-]+)/.exec(mail.body)![1];
  }
});
afterAll(async () => {
  await app.close();
  await rm(photoFolder, { recursive: true, force: true });
});

describe('the link', () => {
  it('opens the report with no account, and a wrong link gets a page saying what to do', async () => {
    const page = await get(`/report/${tokens.sentences}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Tell us how your grant went');
    expect(html).toContain('Report to Test fund');
    expect(html).toContain(`href="/report/${tokens.sentences}/sentences"`);
    for (const wrong of ['x', 'A'.repeat(43), `${tokens.sentences.slice(0, -2)}zz`]) {
      const missing = await get(`/report/${wrong}`);
      expect(missing.status, wrong).toBe(404);
      expect(await missing.text()).toContain('This link does not work');
    }
  });
});

describe('a few sentences and a photo', () => {
  it('checks each page on the server, with the message next to the field, and saves it when sent', async () => {
    const token = tokens.sentences;
    const empty = await post(`/report/${token}/sentences`, { sentences: '   ' });
    expect(empty.status).toBe(422);
    const emptyPage = await empty.text();
    expect(fieldError(emptyPage, 'sentences')).toBe('Tell us in a few sentences what the grant paid for and what difference it made.');
    expect(emptyPage).toContain('<title>Error: What did the grant do? – Test fund');
    const long = await post(`/report/${token}/sentences`, { sentences: 'word '.repeat(151) });
    expect(fieldError(await long.text(), 'sentences')).toBe('Use 150 words or fewer.');
    expect((await reportOf('sentences')).sentences).toBeNull();

    // A null character cannot be typed, nor stored: it is taken out, and the rest is kept.
    expect((await post(`/report/${token}/sentences`, { sentences: 'Twelve\u0000 people knit.' })).status).toBe(303);
    expect((await reportOf('sentences')).sentences).toBe('Twelve people knit.');
    expect(redirectedTo(await post(`/report/${token}/sentences`, { sentences: 'Twelve people knitted every Tuesday all winter.' }))).toEqual({ status: 303, location: `/report/${token}/photo` });
    // Committed: another connection (as a restarted server would be) reads it.
    const other = new pg.Client({ connectionString: app.databaseUrl });
    await other.connect();
    try {
      const { rows } = await other.query(`SELECT sentences FROM report WHERE id = $1`, [(await reportOf('sentences')).id]);
      expect(rows).toEqual([{ sentences: 'Twelve people knitted every Tuesday all winter.' }]);
    } finally {
      await other.end();
    }
    // Coming back to the page shows the saved answer.
    expect(await (await get(`/report/${token}/sentences`)).text()).toContain('>Twelve people knitted every Tuesday all winter.</textarea>');
  });

  it('takes a photo checked by its content, never its name, within the size limit', async () => {
    const token = tokens.sentences;
    const notAnImage = await upload(token, Buffer.from('GIF89a pretending to be a photo'), {}, 'holiday.jpg');
    expect(notAnImage.status).toBe(422);
    expect(fieldError(await notAnImage.text(), 'photo')).toBe('The photo must be a JPG, PNG or WebP image.');
    const broken = await upload(token, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]));
    expect(fieldError(await broken.text(), 'photo')).toBe('We could not read that photo. Try another one, or send it in a different format.');
    const huge = await upload(token, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024)]));
    expect(huge.status).toBe(422);
    expect(fieldError(await huge.text(), 'photo')).toBe('The photo must be smaller than 10 MB.');
    const tooLong = await upload(token, await phonePhoto(), { photoDescription: 'x'.repeat(301) });
    expect(fieldError(await tooLong.text(), 'photoDescription')).toBe('Describe the photo in 300 characters or fewer.');
    expect(await storedFiles()).toEqual([]);
    expect(await sql(`SELECT count(*)::int AS n FROM report_photo`)).toEqual([{ n: 0 }]);

    // A real JPEG named as anything at all is taken; its EXIF (camera, GPS position) is not kept.
    const sent = await upload(token, await phonePhoto(), { photoDescription: 'Knitters in the hall' }, 'IMG_0001.HEIC', 'application/octet-stream');
    expect(redirectedTo(sent)).toEqual({ status: 303, location: `/report/${token}/sharing` });
    const [photo] = await sql<{ id: string; storage_key: string; width: number; height: number; bytes: number; description: string }>(`SELECT id, storage_key, width, height, bytes, description FROM report_photo`);
    expect(photo).toMatchObject({ width: 64, height: 48, description: 'Knitters in the hall' });
    expect(await storedFiles()).toEqual([photo.storage_key]);
    const stored = await readFile(path.join(photoFolder, photo.storage_key));
    expect(stored.length).toBe(photo.bytes);
    const metadata = await sharp(stored).metadata();
    expect([metadata.format, metadata.exif, metadata.xmp, metadata.iptc]).toEqual(['jpeg', undefined, undefined, undefined]);
    expect(stored.toString('latin1')).not.toMatch(/Exif|PhoneCo|Pocket 9|GPS/);

    // The group sees it by its link.
    const own = await get(`/report/${token}/photo/image`);
    expect([own.status, own.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(Buffer.from(await own.arrayBuffer()).equals(stored)).toBe(true);

    // Another photo replaces it, and the first file goes; a PNG's text chunks are not kept either.
    expect(redirectedTo(await upload(token, await pngWithText('Lives at 14 Mill Lane'), { photoDescription: 'Our banner' }, 'banner.png', 'image/png'))).toEqual({ status: 303, location: `/report/${token}/sharing` });
    const [replaced] = await sql<{ storage_key: string }>(`SELECT storage_key FROM report_photo`);
    expect(await storedFiles()).toEqual([replaced.storage_key]);
    const png = await readFile(path.join(photoFolder, replaced.storage_key));
    expect((await sharp(png).metadata()).format).toBe('jpeg');
    expect(png.toString('latin1')).not.toContain('Mill Lane');

    // Sending the page with no new file keeps the photo and its new description.
    expect(redirectedTo(await upload(token, null, { photoDescription: 'Our banner on the railings' }))).toEqual({ status: 303, location: `/report/${token}/sharing` });
    expect(await sql(`SELECT description FROM report_photo`)).toEqual([{ description: 'Our banner on the railings' }]);
  });

  it('asks about sharing, shows the answers to check, and sends once', async () => {
    const token = tokens.sentences;
    expect(redirectedTo(await get(`/report/${token}/check`))).toEqual({ status: 303, location: `/report/${token}/sharing` });
    const none = await post(`/report/${token}/sharing`, { storyConsent: 'EVERYONE' });
    expect(none.status).toBe(422);
    expect(fieldError(await none.text(), 'storyConsent')).toBe('Say whether we may share your story, and with whom.');
    expect(redirectedTo(await post(`/report/${token}/sharing`, { storyConsent: 'PUBLIC' }))).toEqual({ status: 303, location: `/report/${token}/check` });
    const check = await (await get(`/report/${token}/check`)).text();
    for (const text of ['Twelve people knitted every Tuesday all winter.', 'Our banner on the railings', 'Share it publicly, for example on the fund’s website']) expect(check).toContain(text);

    const [first, second] = await Promise.all([post(`/report/${token}/submit`, {}), post(`/report/${token}/submit`, {})]);
    expect([redirectedTo(first), redirectedTo(second)]).toEqual([{ status: 303, location: `/report/${token}` }, { status: 303, location: `/report/${token}` }]);
    expect(await reportOf('sentences')).toMatchObject({ status: 'SUBMITTED', story_consent: 'PUBLIC', taken_by_id: null, typing: {} });
    expect(await sql(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.submitted'`)).toEqual([{ n: 1 }]);
    expect(await (await get(`/report/${token}`)).text()).toContain('Report sent');

    // Once sent, nothing changes it.
    expect(redirectedTo(await post(`/report/${token}/sentences`, { sentences: 'Changed afterwards' }))).toEqual({ status: 303, location: `/report/${token}` });
    expect(redirectedTo(await upload(token, await phonePhoto()))).toEqual({ status: 303, location: `/report/${token}` });
    expect(redirectedTo(await post(`/report/${token}/photo/remove`, {}))).toEqual({ status: 303, location: `/report/${token}` });
    expect((await post(`/report/${token}/sentences/autosave`, { sentences: 'typed later' })).status).toBe(409);
    expect(await reportOf('sentences')).toMatchObject({ sentences: 'Twelve people knitted every Tuesday all winter.', typing: {} });
    expect(await sql(`SELECT count(*)::int AS n FROM report_photo`)).toEqual([{ n: 1 }]);
  });
});

describe('the short form', () => {
  it('keeps what is typed before the page is sent, and shows it again', async () => {
    const token = tokens.shortForm;
    expect((await post(`/report/${token}/what-happened/autosave`, { whatHappened: 'We opened the pantry on', other: 'ignored' })).status).toBe(204);
    expect((await reportOf('shortForm')).typing).toEqual({ 'what-happened': { whatHappened: 'We opened the pantry on' } });
    expect(await (await get(`/report/${token}/what-happened`)).text()).toContain('>We opened the pantry on</textarea>');
    expect((await post(`/report/${token}/sentences/autosave`, { sentences: 'not this form' })).status).toBe(404);
    expect((await post(`/report/nonsense-token-that-is-long-enough/what-happened/autosave`, { whatHappened: 'x' })).status).toBe(404);
  });

  it('goes page by page with each answer checked and saved, and will not send until every answer is there', async () => {
    const token = tokens.shortForm;
    expect(redirectedTo(await post(`/report/${token}/what-happened`, { whatHappened: 'We opened the pantry on Mondays and Thursdays.' }))).toEqual({ status: 303, location: `/report/${token}/people` });
    expect((await reportOf('shortForm')).typing).toEqual({});
    // Sending early goes to the first question still unanswered.
    expect(redirectedTo(await post(`/report/${token}/submit`, {}))).toEqual({ status: 303, location: `/report/${token}/people` });

    const lots = await post(`/report/${token}/people`, { peopleCount: 'lots' });
    expect(lots.status).toBe(422);
    const lotsPage = await lots.text();
    expect(fieldError(lotsPage, 'peopleCount')).toBe('Enter a whole number from 0 to 1,000,000, like 40.');
    expect(lotsPage).toContain('value="lots"');
    expect(redirectedTo(await post(`/report/${token}/people`, { peopleCount: '1,200' }))).toEqual({ status: 303, location: `/report/${token}/story` });
    expect(redirectedTo(await post(`/report/${token}/story`, { story: 'A grandmother brought her neighbours.' }))).toEqual({ status: 303, location: `/report/${token}/what-changed` });
    expect(redirectedTo(await post(`/report/${token}/what-changed`, { whatChanged: 'Nobody on the estate went hungry.' }))).toEqual({ status: 303, location: `/report/${token}/money-left` });

    const unsure = await post(`/report/${token}/money-left`, {});
    expect(fieldError(await unsure.text(), 'anyLeft')).toBe('Say whether any of the grant is left over.');
    const tooMuch = await post(`/report/${token}/money-left`, { anyLeft: 'yes', moneyLeft: '2000.01' });
    expect(fieldError(await tooMuch.text(), 'moneyLeft')).toBe('The money left over cannot be more than the grant.');
    const garbled = await post(`/report/${token}/money-left`, { anyLeft: 'yes', moneyLeft: 'some' });
    expect(fieldError(await garbled.text(), 'moneyLeft')).toBe('Enter how much is left over in pounds, like 25.50.');
    expect(redirectedTo(await post(`/report/${token}/money-left`, { anyLeft: 'yes', moneyLeft: '£25.50' }))).toEqual({ status: 303, location: `/report/${token}/photo` });
    const moneyPage = await (await get(`/report/${token}/money-left`)).text();
    expect(moneyPage).toContain('value="25.50"');

    expect(redirectedTo(await upload(token, await phonePhoto(), { photoDescription: 'Shelves of tins' }))).toEqual({ status: 303, location: `/report/${token}/sharing` });
    expect(redirectedTo(await post(`/report/${token}/sharing`, { storyConsent: 'FUNDERS' }))).toEqual({ status: 303, location: `/report/${token}/check` });
    expect(await reportOf('shortForm')).toMatchObject({
      status: 'DRAFT', what_happened: 'We opened the pantry on Mondays and Thursdays.', people_count: 1200, story: 'A grandmother brought her neighbours.',
      what_changed: 'Nobody on the estate went hungry.', money_left_pence: 2550, story_consent: 'FUNDERS',
    });
  });

  it('a page that is not part of this report goes back to its first page', async () => {
    expect(redirectedTo(await get(`/report/${tokens.shortForm}/sentences`))).toEqual({ status: 303, location: `/report/${tokens.shortForm}` });
    expect(redirectedTo(await post(`/report/${tokens.shortForm}/nonsense`, { x: 'y' }))).toEqual({ status: 303, location: `/report/${tokens.shortForm}` });
  });
});

describe('photos for people signed in', () => {
  it('are served to the staff always, to the rest of the fund only as the group allowed once sent, and to the public only when it said so', async () => {
    const officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
    const panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
    const community = await app.signedInAs(await addMember(app.em(), fund, FundRole.COMMUNITY_PANELLIST));
    const outsider = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR));
    const photoOf = async (key: keyof typeof applications) => (await sql<{ id: string }>(`SELECT p.id FROM report_photo p JOIN report r ON r.id = p.report_id JOIN fund_grant g ON g.id = r.grant_id WHERE g.application_id = ?`, [applications[key].id]))[0].id;
    const statusFor = async (photoId: string) => ({
      coordinator: (await get(`/report-photos/${photoId}`, coordinator.cookie!)).status,
      officer: (await get(`/report-photos/${photoId}`, officer.cookie!)).status,
      panellist: (await get(`/report-photos/${photoId}`, panellist.cookie!)).status,
      community: (await get(`/report-photos/${photoId}`, community.cookie!)).status,
      outsider: (await get(`/report-photos/${photoId}`, outsider.cookie!)).status,
      anonymous: (await get(`/report-photos/${photoId}`)).status,
    });

    // Sent, consent to the public.
    const publicPhoto = await photoOf('sentences');
    expect(await statusFor(publicPhoto)).toEqual({ coordinator: 200, officer: 200, panellist: 200, community: 200, outsider: 200, anonymous: 200 });
    const served = await get(`/report-photos/${publicPhoto}`);
    expect([served.headers.get('content-type'), served.headers.get('cache-control')]).toEqual(['image/jpeg', 'private, no-store']);

    // Funders only, not yet sent: the staff only.
    const fundersPhoto = await photoOf('shortForm');
    expect(await statusFor(fundersPhoto)).toEqual({ coordinator: 200, officer: 200, panellist: 404, community: 404, outsider: 404, anonymous: 404 });
    expect(redirectedTo(await post(`/report/${tokens.shortForm}/submit`, {}))).toEqual({ status: 303, location: `/report/${tokens.shortForm}` });
    expect(await statusFor(fundersPhoto)).toEqual({ coordinator: 200, officer: 200, panellist: 200, community: 200, outsider: 404, anonymous: 404 });

    // Not to be shared: the staff only.
    await sql(`UPDATE report SET story_consent = 'NOT_SHARED' WHERE id = (SELECT report_id FROM report_photo WHERE id = ?)`, [fundersPhoto]);
    expect(await statusFor(fundersPhoto)).toEqual({ coordinator: 200, officer: 200, panellist: 404, community: 404, outsider: 404, anonymous: 404 });
    expect((await get('/report-photos/not-a-photo', coordinator.cookie!)).status).toBe(404);
    expect((await get('/report-photos/00000000-0000-4000-8000-000000000000', coordinator.cookie!)).status).toBe(404);

    // Over GraphQL the photo (and the story) follow the same rule.
    const grants = await coordinator.gql(`query($id: ID!) { fund(id: $id) { grants { id application { reference } } } }`, { id: fund.id });
    const grantId = grants.data!.fund.grants.find((grant: { application: { reference: string } }) => grant.application.reference === applications.shortForm.reference).id;
    const seen = await officer.gql(`query($g: ID!) { grantReport(grantId: $g) { status storyConsent story photo { url width height description } } }`, { g: grantId });
    expect(seen.data?.grantReport).toEqual({ status: 'SUBMITTED', storyConsent: 'NOT_SHARED', story: 'A grandmother brought her neighbours.', photo: { url: `/report-photos/${fundersPhoto}`, width: 64, height: 48, description: 'Shelves of tins' } });
  });
});
