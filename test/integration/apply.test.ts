import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { Fund } from '../../server/modules/funds/fund.entity.ts';
import { Priority } from '../../server/modules/taxonomy/priority.entity.ts';
import { DEFAULT_PRIORITIES } from '../../shared/taxonomy.ts';
import { createGeography, type Geography } from '../factories/area.ts';
import { addMember, createFund } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const START = `mutation($slug: String!) { startApplication(fundSlug: $slug) { token draft { pages } } }`;
const SAVE = `mutation($input: SaveApplicationPageInput!) { saveApplicationPage(input: $input) { pages eligibility { eligible reasons } reference } }`;
const SUBMIT = `mutation($token: String!) { submitApplication(token: $token) { reference } }`;

const CONSTITUTED = {
  eligibility: { worksInArea: 'yes', legalForm: 'REGISTERED_CHARITY', amountPence: '1,500', purpose: 'Food parcels for flooded families' },
  group: { groupName: 'Testshire Food Bank', charityNumber: '1123456' },
  contact: { contactName: 'Sam Jones', contactEmail: 'Sam@Foodbank.example', contactPhone: '+44 7700 900982' },
  where: { postcode: 'ca11aa' },
  work: { title: 'Weekly food parcels', description: 'We pack and deliver food parcels every week.', beneficiaries: 'Families in temporary housing.' },
  priorities: { priorityTags: ['older-people', 'food'] },
  budget: { budget: 'Food, bags and van fuel.' },
};

let app: TestApp;
let fund: Fund;
let anonymous: ApiClient;
beforeAll(async () => {
  app = await startTestApp();
  fund = await createFund(app.em());
  anonymous = app.client();
});
afterAll(() => app.close());

async function start() {
  const result = await anonymous.gql(START, { slug: fund.slug });
  expect(result.errors).toBeUndefined();
  return result.data!.startApplication.token as string;
}

async function save(token: string, page: string, answers: unknown) {
  return anonymous.gql(SAVE, { input: { token, page, answers } });
}

async function fill(token: string, pages: Record<string, Record<string, string | string[]>>) {
  for (const [page, answers] of Object.entries(pages)) {
    const result = await save(token, page, answers);
    expect(result.errors, page).toBeUndefined();
  }
}

describe('applying without an account', () => {
  it('shows the public facts of a fund, and nothing for an unknown one', async () => {
    const result = await anonymous.gql(`query($slug: String!) { publicFund(slug: $slug) { name areaDescription phaseName minAwardPence maxAwardPence } }`, { slug: fund.slug });
    expect(result.data?.publicFund).toEqual({ name: fund.name, areaDescription: 'Testshire', phaseName: 'Emergency', minAwardPence: 100_00, maxAwardPence: 5_000_00 });
    const unknown = await anonymous.gql(`{ publicFund(slug: "no-such-fund") { name } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('saves each page, submits once, and gives the same reference when sent twice', async () => {
    const token = await start();
    await fill(token, CONSTITUTED);
    const [first, second] = await Promise.all([anonymous.gql(SUBMIT, { token }), anonymous.gql(SUBMIT, { token })]);
    expect(first.errors).toBeUndefined();
    expect(first.data?.submitApplication.reference).toMatch(/^TF-\d{5}$/);
    expect(second.data?.submitApplication.reference).toBe(first.data?.submitApplication.reference);
    const again = await anonymous.gql(SUBMIT, { token });
    expect(again.data?.submitApplication.reference).toBe(first.data?.submitApplication.reference);

    const reference = first.data!.submitApplication.reference;
    const rows = await app.em().getConnection().execute(
      `SELECT a.title, a.amount_requested_pence, a.status, a.assisted, g.name, g.legal_form, g.postcode, g.contact_email, g.contact_phone, g.charity_number
         FROM application a JOIN applicant_group g ON g.id = a.group_id WHERE a.reference = ?`,
      [reference],
    );
    expect(rows).toEqual([
      {
        title: 'Weekly food parcels',
        amount_requested_pence: 150000,
        status: 'SUBMITTED',
        assisted: false,
        name: 'Testshire Food Bank',
        legal_form: 'REGISTERED_CHARITY',
        postcode: 'CA1 1AA',
        contact_email: 'sam@foodbank.example',
        contact_phone: '07700900982',
        charity_number: '1123456',
      },
    ]);
    const mail = await app.em().getConnection().execute(`SELECT subject FROM outbound_email WHERE to_address = 'sam@foodbank.example'`);
    expect(mail).toEqual([{ subject: `We have your application ${reference}` }]);
    // The group's own tags, in the fund's order, and the audit says they were the group's.
    const [tagged] = await app.em().getConnection().execute(
      `SELECT a.priority_tags, e.changes->'priorityTags' AS audited FROM application a JOIN audit_event e ON e.entity_id = a.id::text AND e.action = 'application.submitted' WHERE a.reference = ?`,
      [reference],
    );
    expect(tagged).toEqual({ priority_tags: ['food', 'older-people'], audited: ['food', 'older-people'] });

    const coordinator = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
    const listed = await coordinator.gql(`query($id: ID!) { fund(id: $id) { applications { reference title group { name } contact { email } } } }`, { id: fund.id });
    expect(listed.data?.fund.applications).toContainEqual({ reference, title: 'Weekly food parcels', group: { name: 'Testshire Food Bank' }, contact: { email: 'sam@foodbank.example' } });

    const late = await save(token, 'budget', { budget: 'Changed my mind.' });
    expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses to send an unfinished application, naming what is missing', async () => {
    const token = await start();
    await fill(token, { eligibility: CONSTITUTED.eligibility });
    const result = await anonymous.gql(SUBMIT, { token });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields?.map((field) => field.field)).toEqual(['group', 'contact', 'where', 'work', 'priorities', 'budget']);
  });

  it('says clearly when the fund cannot help, and why', async () => {
    const token = await start();
    const result = await save(token, 'eligibility', { worksInArea: 'no', legalForm: 'CIO', amountPence: '9000', purpose: 'A new minibus' });
    expect(result.data?.saveApplicationPage.eligibility).toEqual({
      eligible: false,
      reasons: [
        'This fund only supports groups working in Testshire. Your local council or community foundation can tell you about funds where you work.',
        'The most the emergency phase gives is £5,000. Ask for £5,000 or less.',
      ],
    });
  });

  it('takes unconstituted groups through the host or members route, within the cap', async () => {
    await app.em().nativeUpdate(Fund, { id: fund.id }, { unconstitutedCapPence: 1_000_00 });
    const token = await start();
    const overCap = await save(token, 'eligibility', { worksInArea: 'yes', legalForm: 'UNCONSTITUTED_GROUP', amountPence: '1500', purpose: 'Shopping for neighbours' });
    expect(overCap.data?.saveApplicationPage.eligibility.reasons).toEqual([
      'Groups without a constitution can ask for up to £1,000. Ask for £1,000 or less, or ask a charity or constituted group you work with to apply for the project instead.',
    ]);
    const withinCap = await save(token, 'eligibility', { worksInArea: 'yes', legalForm: 'UNCONSTITUTED_GROUP', amountPence: '900', purpose: 'Shopping for neighbours' });
    expect(withinCap.data?.saveApplicationPage.pages).toEqual(['eligibility', 'group', 'unconstituted-route', 'host', 'contact', 'where', 'work', 'priorities', 'budget']);
    const members = await save(token, 'unconstituted-route', { route: 'MEMBERS' });
    expect(members.data?.saveApplicationPage.pages).toEqual(['eligibility', 'group', 'unconstituted-route', 'members', 'contact', 'where', 'work', 'priorities', 'budget']);
    const same = await save(token, 'members', { member1Name: 'Ann Lee', member2Name: 'ann lee', refereeName: 'Raj Patel', refereeOrganisation: 'Testshire CVS', refereeEmail: 'raj@cvs.example' });
    expect(same.errors?.[0].extensions?.fields).toEqual([{ field: 'member2Name', message: 'Enter two different people.' }]);

    await fill(token, {
      group: { groupName: 'Elm Street Mutual Aid' },
      members: { member1Name: 'Ann Lee', member2Name: 'Bo Chen', refereeName: 'Raj Patel', refereeOrganisation: 'Testshire CVS', refereeEmail: 'raj@cvs.example' },
      contact: { contactName: 'Ann Lee', contactEmail: 'ann@elm.example' },
      where: { postcode: 'CA2 5TT' },
      work: CONSTITUTED.work,
      priorities: {},
      budget: CONSTITUTED.budget,
    });
    const sent = await anonymous.gql(SUBMIT, { token });
    expect(sent.errors).toBeUndefined();
    const [group] = await app.em().getConnection().execute(`SELECT legal_form, member_names, referee_email, host_name FROM applicant_group WHERE name = 'Elm Street Mutual Aid'`);
    expect(group).toEqual({ legal_form: 'UNCONSTITUTED_GROUP', member_names: ['Ann Lee', 'Bo Chen'], referee_email: 'raj@cvs.example', host_name: null });
  });
});

describe("choosing the fund's priorities", () => {
  it("offers the fund's current priorities, refuses others, and keeps a choice retired before sending", async () => {
    await app.em().nativeUpdate(Priority, { fund: fund.id, key: 'sport' }, { retired: true });
    const offered = (await anonymous.gql(`query($slug: String!) { publicFund(slug: $slug) { priorities { key label kind } } }`, { slug: fund.slug })).data!.publicFund.priorities;
    expect(offered.map((priority: { key: string }) => priority.key)).toEqual(DEFAULT_PRIORITIES.map((priority) => priority.key).filter((key) => key !== 'sport'));

    const token = await start();
    const retired = await save(token, 'priorities', { priorityTags: ['food', 'sport'] });
    expect(retired.errors?.[0].extensions?.fields).toEqual([{ field: 'priorityTags', message: 'Choose from the priorities listed. Some you chose are no longer offered.' }]);
    const unknown = await save(token, 'priorities', { priorityTags: 'food,unicorns' });
    expect(unknown.errors?.[0].extensions?.fields).toEqual([{ field: 'priorityTags', message: 'Choose from the priorities listed. Some you chose are no longer offered.' }]);
    const tooMany = await save(token, 'priorities', { priorityTags: offered.map((priority: { key: string }) => priority.key) });
    expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'priorityTags', message: 'Choose 12 priorities or fewer.' }]);

    await fill(token, { ...CONSTITUTED, priorities: { priorityTags: ['mental-health', 'isolation'] } });
    // Retired after the group chose it: the group's choice stands.
    await app.em().nativeUpdate(Priority, { fund: fund.id, key: 'isolation' }, { retired: true });
    const sent = await anonymous.gql(SUBMIT, { token });
    expect(sent.errors).toBeUndefined();
    const [row] = await app.em().getConnection().execute(`SELECT priority_tags FROM application WHERE reference = ?`, [sent.data!.submitApplication.reference]);
    expect(row).toEqual({ priority_tags: ['mental-health', 'isolation'] });
    await app.em().nativeUpdate(Priority, { fund: fund.id, key: { $in: ['sport', 'isolation'] } }, { retired: false });
  });

  it('works as a plain form: ticked boxes post one value each and come back ticked', async () => {
    const form = (url: string, body: string, cookie = '') =>
      fetch(`${app.url}${url}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body });
    const started = await form(`/apply/${fund.slug}/start`, '');
    const cookie = started.headers.getSetCookie()[0].split(';')[0];
    for (const [name, answers] of Object.entries({ eligibility: CONSTITUTED.eligibility, group: CONSTITUTED.group, contact: CONSTITUTED.contact, where: CONSTITUTED.where, work: CONSTITUTED.work })) {
      expect((await form(`/apply/${fund.slug}/${name}`, new URLSearchParams(answers).toString(), cookie)).status, name).toBe(303);
    }
    const html = await (await fetch(`${app.url}/apply/${fund.slug}/priorities`, { headers: { cookie } })).text();
    expect(html).toContain('What is your work about?');
    expect(html).toContain('Who is it for?');
    expect(html).toContain('value="rural-communities"');

    const bad = await form(`/apply/${fund.slug}/priorities`, 'priorityTags=food&priorityTags=unicorns', cookie);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Choose from the priorities listed.');
    const saved = await form(`/apply/${fund.slug}/priorities`, 'priorityTags=rural-communities&priorityTags=food', cookie);
    expect(saved.headers.get('location')).toBe(`/apply/${fund.slug}/budget`);
    const again = await (await fetch(`${app.url}/apply/${fund.slug}/priorities`, { headers: { cookie } })).text();
    expect(again.match(/<input[^>]*checked[^>]*>/g)?.map((input) => /value="([^"]+)"/.exec(input)![1])).toEqual(['food', 'rural-communities']);
    await form(`/apply/${fund.slug}/budget`, new URLSearchParams(CONSTITUTED.budget).toString(), cookie);
    const check = await (await fetch(`${app.url}/apply/${fund.slug}/check`, { headers: { cookie } })).text();
    expect(check).toContain('Food, Rural communities');
  });
});

describe('saying where the work happens', () => {
  let geo: Geography;
  let covering: Fund;
  beforeAll(async () => {
    const em = app.em();
    geo = await createGeography(em);
    covering = await createFund(em);
    covering.areaCodes = [geo.la];
    // References are unique across funds.
    covering.referencePrefix = 'TW';
    await em.flush();
  });

  async function startCovering() {
    const result = await anonymous.gql(START, { slug: covering.slug });
    expect(result.errors).toBeUndefined();
    expect(result.data!.startApplication.draft.pages).toEqual(['eligibility', 'group', 'contact', 'where', 'areas', 'work', 'priorities', 'budget']);
    return result.data!.startApplication.token as string;
  }

  const sent = async (token: string) => {
    const result = await anonymous.gql(SUBMIT, { token });
    expect(result.errors).toBeUndefined();
    const [row] = await app.em().getConnection().execute(
      `SELECT a.area_codes, e.changes->'areaCodes' AS audited FROM application a JOIN audit_event e ON e.entity_id = a.id::text AND e.action = 'application.submitted' WHERE a.reference = ?`,
      [result.data!.submitApplication.reference],
    );
    return row;
  };

  it("stores the fund's areas the group chose, over its postcode", async () => {
    const token = await startCovering();
    await fill(token, { ...CONSTITUTED, where: { postcode: geo.postcodes.south }, areas: { areaCodes: [geo.wards.south, geo.wards.north] } });
    expect(await sent(token)).toEqual({ area_codes: [geo.wards.north, geo.wards.south], audited: [geo.wards.north, geo.wards.south] });
  });

  it("refuses an area outside the fund's, with a message on the field", async () => {
    const token = await startCovering();
    const outside = await save(token, 'areas', { areaCodes: [geo.wards.north, geo.wards.away] });
    expect(outside.errors?.[0].extensions?.fields).toEqual([{ field: 'areaCodes', message: "Choose from the areas listed. Some you chose are not in this fund's area." }]);
    const madeUp = await save(token, 'areas', { areaCodes: 'E05999999' });
    expect(madeUp.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('places the application from its postcode when the group chose nothing', async () => {
    const token = await startCovering();
    await fill(token, { ...CONSTITUTED, where: { postcode: geo.postcodes.south }, areas: {} });
    expect(await sent(token)).toEqual({ area_codes: [geo.lsoas.south], audited: [] });
  });

  it('works as a plain form: the fund\'s wards as tick boxes, an outside one refused next to the field', async () => {
    const form = (url: string, body: string, cookie = '') =>
      fetch(`${app.url}${url}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body });
    const started = await form(`/apply/${covering.slug}/start`, '');
    const cookie = started.headers.getSetCookie()[0].split(';')[0];
    for (const [name, answers] of Object.entries({ eligibility: CONSTITUTED.eligibility, group: CONSTITUTED.group, contact: CONSTITUTED.contact })) {
      expect((await form(`/apply/${covering.slug}/${name}`, new URLSearchParams(answers).toString(), cookie)).status, name).toBe(303);
    }
    const afterPostcode = await form(`/apply/${covering.slug}/where`, new URLSearchParams({ postcode: geo.postcodes.north }).toString(), cookie);
    expect(afterPostcode.headers.get('location')).toBe(`/apply/${covering.slug}/areas`);
    const html = await (await fetch(`${app.url}/apply/${covering.slug}/areas`, { headers: { cookie } })).text();
    expect(html).toContain('<legend');
    expect(html).toContain('Which wards does your work happen in?');
    expect(html.match(/<input[^>]*name="areaCodes"[^>]*>/g)?.map((input) => /value="([^"]+)"/.exec(input)![1])).toEqual([geo.wards.north, geo.wards.south]);

    const bad = await form(`/apply/${covering.slug}/areas`, `areaCodes=${geo.wards.north}&areaCodes=${geo.wards.away}`, cookie);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('<p id="areaCodes-error" class="app-error-message"><span class="app-visually-hidden">Error:</span> Choose from the areas listed.');
    const saved = await form(`/apply/${covering.slug}/areas`, `areaCodes=${geo.wards.south}`, cookie);
    expect(saved.headers.get('location')).toBe(`/apply/${covering.slug}/work`);
    const again = await (await fetch(`${app.url}/apply/${covering.slug}/areas`, { headers: { cookie } })).text();
    expect(again.match(/<input[^>]*checked[^>]*>/g)?.map((input) => /value="([^"]+)"/.exec(input)![1])).toEqual([geo.wards.south]);
  });
});

describe('assisted applications', () => {
  const START_ASSISTED = `mutation($slug: String!) { startApplication(fundSlug: $slug, assisted: true) { token } }`;

  it('lets a funder officer fill one in for a group, marked as assisted, with the usual confirmation to the group', async () => {
    const officer = await addMember(app.em(), fund, FundRole.FUNDER_OFFICER);
    const client = await app.signedInAs(officer);
    const started = await client.gql(START_ASSISTED, { slug: fund.slug });
    expect(started.errors).toBeUndefined();
    const token = started.data!.startApplication.token;
    for (const [page, answers] of Object.entries({ ...CONSTITUTED, contact: { contactName: 'Phone Caller', contactEmail: 'caller@group.example' } })) {
      expect((await client.gql(SAVE, { input: { token, page, answers } })).errors, page).toBeUndefined();
    }
    const reference = (await client.gql(SUBMIT, { token })).data!.submitApplication.reference;
    const [row] = await app.em().getConnection().execute(`SELECT assisted FROM application WHERE reference = ?`, [reference]);
    expect(row).toEqual({ assisted: true });
    const [audit] = await app.em().getConnection().execute(
      `SELECT u.email FROM audit_event e JOIN app_user u ON u.id = e.actor_id WHERE e.action = 'application.submitted' AND e.changes->>'reference' = ?`,
      [reference],
    );
    expect(audit).toEqual({ email: officer.email });
    const mail = await app.em().getConnection().execute(`SELECT subject FROM outbound_email WHERE to_address = 'caller@group.example'`);
    expect(mail).toEqual([{ subject: `We have your application ${reference}` }]);
  });

  it('refuses assisted starts to people who are not signed in, and to panellists', async () => {
    expect((await anonymous.gql(START_ASSISTED, { slug: fund.slug })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
    expect((await panellist.gql(START_ASSISTED, { slug: fund.slug })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('bad input to the apply mutations', () => {
  const badContact: [unknown, string][] = [
    [{}, 'contactName'],
    [{ contactName: '', contactEmail: 'a@b.example' }, 'contactName'],
    [{ contactName: 'x'.repeat(121), contactEmail: 'a@b.example' }, 'contactName'],
    [{ contactName: '<script>alert(1)</script>', contactEmail: 'a@b.example' }, 'contactName'],
    [{ contactName: 'Robert', contactEmail: "x'; DROP TABLE application; --" }, 'contactEmail'],
    [{ contactName: 'Robert', contactEmail: 'a@b.example', contactPhone: '12345' }, 'contactPhone'],
    [{ contactName: 42, contactEmail: 'a@b.example' }, 'contactName'],
    [{ contactName: ['Ann'], contactEmail: 'a@b.example' }, 'contactName'],
  ];

  it.each(badContact)('refuses %j on the contact page, naming %s', async (answers, field) => {
    const token = await start();
    const result = await save(token, 'contact', answers);
    expect(result.status).toBe(200);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields?.[0].field).toBe(field);
  });

  it('accepts emoji and other scripts in names as written', async () => {
    const token = await start();
    const result = await save(token, 'contact', { contactName: 'Zoë 🌻 Ōkawa', contactEmail: 'zoe@example.org' });
    expect(result.errors).toBeUndefined();
    expect((await anonymous.gql(`query($token: String!) { applicationDraft(token: $token) { answers } }`, { token })).data?.applicationDraft.answers.contact).toEqual({ contactName: 'Zoë 🌻 Ōkawa', contactEmail: 'zoe@example.org' });
  });

  it('refuses bad amounts and postcodes with the field named', async () => {
    const token = await start();
    for (const amountPence of ['', 'ten pounds', '-5', '1.234', '1e9']) {
      const result = await save(token, 'eligibility', { ...CONSTITUTED.eligibility, amountPence });
      expect(result.errors?.[0].extensions?.fields?.[0].field, amountPence).toBe('amountPence');
    }
    for (const postcode of ['', 'CA1', 'NOT A POSTCODE', '<b>CA1 1AA</b>']) {
      const result = await save(token, 'where', { postcode });
      expect(result.errors?.[0].extensions?.fields?.[0].field, postcode).toBe('postcode');
    }
  });

  it('refuses unknown pages, made-up tokens and a word count over the limit', async () => {
    const token = await start();
    expect((await save(token, 'bank-details', {})).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await save('x'.repeat(43), 'contact', { contactName: 'A', contactEmail: 'a@b.example' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await anonymous.gql(SUBMIT, { token: 'not-a-real-token-at-all-123' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const long = await save(token, 'work', { ...CONSTITUTED.work, description: 'word '.repeat(151) });
    expect(long.errors?.[0].extensions?.fields).toEqual([{ field: 'description', message: 'Use 150 words or fewer.' }]);
  });

  it('refuses to start an application to a fund that does not exist, whatever the name', async () => {
    for (const slug of ['', 'x'.repeat(5000), '<script>alert(1)</script>', "riverdale' OR '1'='1", '🌻']) {
      const result = await anonymous.gql(START, { slug });
      expect(result.status).toBe(200);
      expect(result.errors?.[0].extensions?.code, slug.slice(0, 20)).toBe('NOT_FOUND');
    }
    const wrongType = await anonymous.gql(START, { slug: 42 });
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("never shows one group's draft to someone holding another's token", async () => {
    const mine = await start();
    const theirs = await start();
    await fill(theirs, { contact: { contactName: 'Private Person', contactEmail: 'private@example.org' } });
    const result = await anonymous.gql(`query($token: String!) { applicationDraft(token: $token) { answers } }`, { token: mine });
    expect(result.data?.applicationDraft.answers).toEqual({});
  });
});

describe('host and referee confirmations', () => {
  it('asks the host by email link; opening the link changes nothing; the answer is recorded once and shown to staff only', async () => {
    const token = await start();
    await fill(token, {
      eligibility: { worksInArea: 'yes', legalForm: 'UNCONSTITUTED_GROUP', amountPence: '400', purpose: 'Tea and chat mornings' },
      group: { groupName: 'Hollins Tea Club' },
      'unconstituted-route': { route: 'HOST' },
      host: { hostName: 'Hollins Village Hall CIO', hostContactName: 'Pat Gibson', hostEmail: 'pat@hall.example' },
      contact: { contactName: 'Kit Dixon', contactEmail: 'kit@tea.example' },
      where: { postcode: 'CA3 9ZZ' },
      work: CONSTITUTED.work,
      priorities: { priorityTags: [] },
      budget: CONSTITUTED.budget,
    });
    const reference = (await anonymous.gql(SUBMIT, { token })).data!.submitApplication.reference;
    const [mail] = await app.em().getConnection().execute<{ subject: string; body: string }[]>(`SELECT subject, body FROM outbound_email WHERE to_address = 'pat@hall.example'`);
    expect(mail.subject).toBe('Can you confirm you support Hollins Tea Club?');
    const link = /\/confirm\/([\w-]+)/.exec(mail.body)![1];

    const opened = await fetch(`${app.url}/confirm/${link}`);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Can you confirm you will receive and hold the money for Hollins Tea Club?');
    const post = (form: Record<string, string>) =>
      fetch(`${app.url}/confirm/${link}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    const unanswered = await post({ note: '' });
    expect(unanswered.status).toBe(422);
    expect(await unanswered.text()).toContain('Select whether you confirm this or not.');
    expect((await post({ answer: 'CONFIRMED', note: 'We know them well.' })).status).toBe(303);
    expect((await post({ answer: 'DECLINED' })).status).toBe(303);

    const query = `query($id: ID!) { fund(id: $id) { applications { reference confirmations { kind name organisation status note } } } }`;
    const coordinator = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
    const seen = (await coordinator.gql(query, { id: fund.id })).data!.fund.applications.find((entry: { reference: string }) => entry.reference === reference);
    expect(seen.confirmations).toEqual([{ kind: 'HOST', name: 'Pat Gibson', organisation: 'Hollins Village Hall CIO', status: 'CONFIRMED', note: 'We know them well.' }]);
    const community = await app.signedInAs(await addMember(app.em(), fund, FundRole.COMMUNITY_PANELLIST));
    const hidden = (await community.gql(query, { id: fund.id })).data!.fund.applications.find((entry: { reference: string }) => entry.reference === reference);
    expect(hidden.confirmations).toBeNull();

    expect((await fetch(`${app.url}/confirm/not-a-real-link-token-000000000000`)).status).toBe(404);
  });
});

describe('save and come back later (no JavaScript)', () => {
  it('emails a link that opens the same draft on another device', async () => {
    const form = (url: string, fields: Record<string, string>, cookie = '') =>
      fetch(`${app.url}${url}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams(fields).toString() });
    const started = await form(`/apply/${fund.slug}/start`, {});
    const cookie = started.headers.getSetCookie()[0].split(';')[0];
    expect(started.headers.getSetCookie()[0]).toMatch(/^pf_apply=[\w-]{43}; Max-Age=7776000; Path=\/apply; HttpOnly; SameSite=Lax$/);
    expect((await form(`/apply/${fund.slug}/eligibility`, { worksInArea: 'yes', legalForm: 'CIO', amountPence: '750', purpose: 'Warm hub' }, cookie)).headers.get('location')).toBe(`/apply/${fund.slug}/eligibility-result`);

    const bad = await form(`/apply/${fund.slug}/save-for-later`, { email: 'nope' }, cookie);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter an email address in the correct format, like name@example.org.');
    const sent = await form(`/apply/${fund.slug}/save-for-later`, { email: 'Later@Hub.example' }, cookie);
    expect(await sent.text()).toContain('Use the link we sent to later@hub.example');
    const [mail] = await app.em().getConnection().execute<{ body: string }[]>(`SELECT body FROM outbound_email WHERE kind = 'apply-resume-link' AND to_address = 'later@hub.example'`);
    const link = /(\/apply\/resume\?token=[\w-]+)/.exec(mail.body)![1];

    // Another device: no cookie until the link is opened.
    const opened = await fetch(`${app.url}${link}`, { redirect: 'manual' });
    expect(opened.headers.get('location')).toBe(`/apply/${fund.slug}/continue`);
    const otherDevice = opened.headers.getSetCookie()[0].split(';')[0];
    expect(otherDevice).toBe(cookie);
    const next = await fetch(`${app.url}/apply/${fund.slug}/continue`, { redirect: 'manual', headers: { cookie: otherDevice } });
    expect(next.headers.get('location')).toBe(`/apply/${fund.slug}/group`);
    const eligibility = await (await fetch(`${app.url}/apply/${fund.slug}/eligibility`, { headers: { cookie: otherDevice } })).text();
    expect(eligibility).toContain('value="750"');
  });
});
