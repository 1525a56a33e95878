// The fictional demonstration fund. Every name, address and person here is invented; the postcode
// area "RD" does not exist in the UK, so no demo postcode can point at a real home.
import { FunderKind, FundRole, LegalForm, PriorityKind } from '../../shared/domain.ts';

export const DEMO_EMAIL_DOMAIN = 'demo.pooled-fund.example';

export const demoFund = {
  name: 'Riverdale Community Response Fund (demo)',
  slug: 'riverdale-demo',
  areaDescription: 'the Riverdale district',
  referencePrefix: 'RD',
  purpose:
    'Together we get money quickly to the local groups helping people through the floods and their aftermath: ' +
    'food, warmth, company and practical help now, and rebuilding community life as we recover. ' +
    'We fund in one pot, decide together every week, and try to reach every corner of the district.',
  reservedPence: 150_000_00,
  unconstitutedCapPence: 2_000_00,
  panelWeekday: 4,
  panelTime: '14:00',
  cutoffHoursBefore: 48,
};

export const demoPhases = [
  {
    name: 'Emergency',
    kind: 'EMERGENCY' as const,
    criteria: 'Immediate help for people affected: food, fuel, cleaning up, staying in touch with people on their own.',
    minAwardPence: 250_00,
    maxAwardPence: 5_000_00,
    status: 'CLOSED' as const,
    openedAt: '2026-09-14T08:00:00Z',
    closedAt: '2026-10-30T17:00:00Z',
  },
  {
    name: 'Recovery',
    kind: 'RECOVERY' as const,
    criteria: 'Helping communities get back on their feet: wellbeing, reopening spaces, advice, bringing people together.',
    minAwardPence: 1_000_00,
    maxAwardPence: 15_000_00,
    status: 'OPEN' as const,
    openedAt: '2026-11-02T09:00:00Z',
    closedAt: undefined,
  },
];

export const demoFunders = [
  { key: 'foundation', name: 'Riverdale Community Foundation (demo)', kind: FunderKind.COMMUNITY_FOUNDATION },
  { key: 'trust', name: 'Fellside Charitable Trust (demo)', kind: FunderKind.CHARITABLE_TRUST },
  { key: 'council', name: 'Riverdale County Council (demo)', kind: FunderKind.LOCAL_AUTHORITY },
  { key: 'nhs', name: 'Riverdale and Fells NHS Integrated Care Board (demo)', kind: FunderKind.NHS_BODY },
  { key: 'water', name: 'Northern Waters plc (demo)', kind: FunderKind.COMPANY },
  { key: 'lottery', name: 'Heritage Lanes Trust (demo)', kind: FunderKind.CHARITABLE_TRUST },
] as const;

export type DemoFunderKey = (typeof demoFunders)[number]['key'];

export const demoContributions: {
  funder: DemoFunderKey;
  amountPence: number;
  receivedOn: string;
  restrictedToPriorities?: string[];
  restrictedToAreas?: string[];
  excludesUnconstituted?: boolean;
  phase?: 'Emergency' | 'Recovery';
  spendBy?: string;
  note?: string;
}[] = [
  { funder: 'foundation', amountPence: 250_000_00, receivedOn: '2026-09-14', note: 'Unrestricted: the foundation appeal.' },
  { funder: 'trust', amountPence: 100_000_00, receivedOn: '2026-09-16' },
  {
    funder: 'council',
    amountPence: 200_000_00,
    receivedOn: '2026-09-18',
    restrictedToPriorities: ['financial-hardship', 'food'],
    excludesUnconstituted: true,
    spendBy: '2027-03-31',
    note: 'Statutory money: hardship and food only, constituted groups only, spend by the end of the financial year.',
  },
  {
    funder: 'nhs',
    amountPence: 120_000_00,
    receivedOn: '2026-09-21',
    restrictedToPriorities: ['mental-health', 'isolation'],
    phase: 'Recovery',
    note: 'For wellbeing in the recovery phase.',
  },
  { funder: 'water', amountPence: 50_000_00, receivedOn: '2026-09-25', restrictedToAreas: ['RD-W03', 'RD-W04'], note: 'For the flooded valley wards.' },
  { funder: 'lottery', amountPence: 80_000_00, receivedOn: '2026-10-05', spendBy: '2027-09-30' },
];

/** The demo fund's own priority, added to the shared taxonomy by its coordinator. */
export const demoExtraPriorities = [
  {
    key: 'flood-recovery',
    label: 'Flood recovery',
    kind: PriorityKind.THEME,
    description: 'Cleaning up, drying out and repairing homes and community buildings after the floods.',
  },
];

/**
 * What each funder says it focuses on. They crowd together on food and on mental health and
 * isolation, and nobody focuses on domestic abuse, digital inclusion, disabled people, LGBTQ+ people
 * or Black, Asian and minority ethnic communities: the gaps the who-funds-what page shows.
 */
export const demoFocus: Record<DemoFunderKey, string[]> = {
  foundation: ['food', 'children-young-people', 'rural-communities'],
  trust: ['isolation', 'mental-health', 'older-people'],
  council: ['financial-hardship', 'food'],
  nhs: ['mental-health', 'isolation', 'bereaved-people'],
  water: ['flood-recovery', 'environment'],
  lottery: ['arts-culture', 'children-young-people'],
};

export const demoPeople: {
  key: string;
  name: string;
  email: string;
  role: FundRole;
  funder?: DemoFunderKey;
  printed?: boolean;
}[] = [
  { key: 'coordinator', name: 'Ruth Oyelaran', email: `coordinator@${DEMO_EMAIL_DOMAIN}`, role: FundRole.COORDINATOR, funder: 'foundation', printed: true },
  { key: 'officer', name: 'Dan Whitfield', email: `officer@${DEMO_EMAIL_DOMAIN}`, role: FundRole.FUNDER_OFFICER, funder: 'council', printed: true },
  { key: 'panellist', name: 'Priya Natarajan', email: `panellist@${DEMO_EMAIL_DOMAIN}`, role: FundRole.PANELLIST, funder: 'nhs', printed: true },
  { key: 'community', name: 'Joe Armstrong', email: `community@${DEMO_EMAIL_DOMAIN}`, role: FundRole.COMMUNITY_PANELLIST, printed: true },
  { key: 'trust-officer', name: 'Helen Graves', email: `trust.officer@${DEMO_EMAIL_DOMAIN}`, role: FundRole.FUNDER_OFFICER, funder: 'trust' },
  { key: 'water-panellist', name: 'Marcus Bell', email: `water.panellist@${DEMO_EMAIL_DOMAIN}`, role: FundRole.PANELLIST, funder: 'water' },
  { key: 'lottery-panellist', name: 'Sian Lloyd', email: `lottery.panellist@${DEMO_EMAIL_DOMAIN}`, role: FundRole.PANELLIST, funder: 'lottery' },
  { key: 'community-2', name: 'Amina Yusuf', email: `community2@${DEMO_EMAIL_DOMAIN}`, role: FundRole.COMMUNITY_PANELLIST },
];

export const demoPlaces = [
  'Riverdale', 'Eastbrook', 'Highmoor', 'Ashby Fell', 'Kirkholm', 'Lowther Bridge', 'Millbeck', 'Scarsdale',
  'Thornby', 'Wetherlam', 'Brackenside', 'Greyrigg', 'Hollins', 'Ormside', 'Dunmere', 'Caldbeck Row',
];

export const demoWorks: { name: string; forms: LegalForm[]; title: string; summary: string; tags: string[] }[] = [
  { name: 'Food Bank', forms: [LegalForm.REGISTERED_CHARITY, LegalForm.CIO], title: 'Food parcels for flooded households', summary: 'We deliver food parcels twice a week to families who lost their kitchens in the floods.', tags: ['food', 'financial-hardship'] },
  { name: 'Mutual Aid', forms: [LegalForm.UNCONSTITUTED_GROUP], title: 'Shopping and prescriptions for people stuck at home', summary: 'Volunteers on every street pick up shopping and prescriptions for neighbours who cannot get out.', tags: ['isolation', 'older-people'] },
  { name: 'Youth Club', forms: [LegalForm.CONSTITUTED_COMMUNITY_GROUP, LegalForm.REGISTERED_CHARITY], title: 'Reopening the youth club after flood damage', summary: 'Young people lost their only meeting place; we will dry out and reopen the hall for weekly sessions.', tags: ['children-young-people'] },
  { name: 'Carers Network', forms: [LegalForm.CIO], title: 'Respite breaks for unpaid carers', summary: 'Short breaks and a weekly phone call for carers who have had no help since the flooding.', tags: ['mental-health', 'young-carers'] },
  { name: 'Community Pantry', forms: [LegalForm.CIC, LegalForm.CONSTITUTED_COMMUNITY_GROUP], title: 'Low-cost pantry for families', summary: 'A membership pantry where families pay a small amount for a week of groceries.', tags: ['food', 'financial-hardship'] },
  { name: "Men's Shed", forms: [LegalForm.CONSTITUTED_COMMUNITY_GROUP], title: 'Men\'s shed to tackle isolation', summary: 'A workshop where older men meet, repair furniture for flooded homes and talk.', tags: ['isolation', 'mental-health'] },
  { name: "Residents' Association", forms: [LegalForm.UNCONSTITUTED_GROUP, LegalForm.CONSTITUTED_COMMUNITY_GROUP], title: 'Street clean-up days and a residents\' hub', summary: 'Residents organise clean-up days and run a drop-in hub with tea and advice.', tags: ['environment', 'rural-communities'] },
  { name: 'Arts Collective', forms: [LegalForm.CIC, LegalForm.CHARITABLE_COMPANY], title: 'Community art to mark the recovery', summary: 'Workshops where people make a mural about what the village went through.', tags: ['arts-culture'] },
  { name: 'Advice Centre', forms: [LegalForm.CHARITABLE_COMPANY, LegalForm.REGISTERED_CHARITY], title: 'Insurance and benefits advice after the floods', summary: 'Caseworkers help people claim insurance, grants and benefits they are owed.', tags: ['financial-hardship'] },
  { name: 'Primary School', forms: [LegalForm.SCHOOL_OR_PUBLIC_BODY], title: 'Breakfast club for pupils from displaced families', summary: 'A free breakfast club for children living in temporary accommodation.', tags: ['children-young-people', 'food'] },
  { name: 'Bereavement Group', forms: [LegalForm.UNCONSTITUTED_GROUP, LegalForm.CIO], title: 'Peer support for bereaved families', summary: 'A monthly peer support group and a walking group for people who have lost someone.', tags: ['bereaved-people', 'mental-health'] },
  { name: 'Sports Club', forms: [LegalForm.CONSTITUTED_COMMUNITY_GROUP, LegalForm.COMPANY], title: 'Replacing flood-damaged kit', summary: 'Our pitches and kit were ruined; replacing kit gets 120 children playing again.', tags: ['sport', 'children-young-people'] },
];
