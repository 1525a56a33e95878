import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, FunderKind, FundRole, LegalForm, PhaseKind, PhaseStatus } from '../../shared/domain.ts';
import { ApplicantGroup } from '../../server/modules/applications/applicant-group.entity.ts';
import { Application } from '../../server/modules/applications/application.entity.ts';
import { Funder } from '../../server/modules/funders/funder.entity.ts';
import { Contribution } from '../../server/modules/funds/contribution.entity.ts';
import { FundMembership } from '../../server/modules/funds/fund-membership.entity.ts';
import { Fund } from '../../server/modules/funds/fund.entity.ts';
import { Phase } from '../../server/modules/funds/phase.entity.ts';
import { User } from '../../server/modules/users/user.entity.ts';
import { seedPriorities } from '../../server/modules/taxonomy/taxonomy.service.ts';

// Browser test files share one database but each gets its own copy of this module, so each starts
// its numbers at a random block: two files never make the same reference or email.
let sequence = Math.floor(Math.random() * 90_000) * 10_000;
const next = () => ++sequence;

// Factories build real rows with sensible defaults; each test overrides what it is about.

export async function createUser(em: EntityManager, overrides: Partial<Pick<User, 'name' | 'email'>> = {}) {
  const n = next();
  const user = em.create(User, { name: `Person ${n}`, email: `person${n}@test.example`, ...overrides });
  await em.flush();
  return user;
}

export async function createFunder(em: EntityManager, overrides: Partial<Pick<Funder, 'name' | 'kind'>> = {}) {
  const funder = em.create(Funder, { name: `Funder ${next()}`, kind: FunderKind.CHARITABLE_TRUST, ...overrides });
  await em.flush();
  return funder;
}

export async function createFund(em: EntityManager, overrides: Partial<Pick<Fund, 'name' | 'purpose' | 'reservedPence' | 'panelWeekday' | 'panelTime' | 'cutoffHoursBefore'>> = {}) {
  const n = next();
  const fund = em.create(Fund, {
    name: `Test fund ${n}`,
    slug: `test-fund-${n}-${Date.now()}`,
    purpose: 'Helping local groups through the emergency and the recovery.',
    areaDescription: 'Testshire',
    referencePrefix: 'TF',
    panelWeekday: 4,
    panelTime: '14:00',
    cutoffHoursBefore: 48,
    ...overrides,
  });
  em.create(Phase, { fund, name: 'Emergency', kind: PhaseKind.EMERGENCY, position: 0, criteria: 'Urgent help.', minAwardPence: 100_00, maxAwardPence: 5_000_00, status: PhaseStatus.OPEN });
  em.create(Phase, { fund, name: 'Recovery', kind: PhaseKind.RECOVERY, position: 1, criteria: 'Getting back on our feet.', minAwardPence: 500_00, maxAwardPence: 10_000_00 });
  // As a fund set up through the product has: the default taxonomy.
  seedPriorities(em, fund);
  await em.flush();
  return fund;
}

export async function addMember(em: EntityManager, fund: Fund, role: FundRole, options: { user?: User; funder?: Funder } = {}) {
  const user = options.user ?? (await createUser(em));
  em.create(FundMembership, { fund, user, role, funder: options.funder });
  await em.flush();
  return user;
}

export async function createContribution(em: EntityManager, fund: Fund, overrides: Partial<Pick<Contribution, 'amountPence' | 'receivedOn' | 'excludesUnconstituted'>> & { funder?: Funder } = {}) {
  const funder = overrides.funder ?? (await createFunder(em));
  const contribution = em.create(Contribution, { fund, funder, amountPence: 10_000_00, receivedOn: '2026-10-01', ...overrides });
  await em.flush();
  return contribution;
}

export async function createApplication(
  em: EntityManager,
  fund: Fund,
  overrides: Partial<Pick<Application, 'status' | 'amountRequestedPence' | 'title' | 'summary' | 'submittedAt' | 'priorityTags'>> & {
    group?: Partial<Pick<ApplicantGroup, 'name' | 'legalForm' | 'contactEmail' | 'contactName' | 'contactPhone' | 'postcode' | 'charityNumber' | 'hostName'>>;
  } = {},
) {
  const n = next();
  const { group: groupOverrides, ...applicationOverrides } = overrides;
  const group = em.create(ApplicantGroup, {
    name: `Group ${n}`,
    legalForm: LegalForm.CONSTITUTED_COMMUNITY_GROUP,
    contactName: `Contact ${n}`,
    contactEmail: `contact${n}@group.example`,
    contactPhone: `07700 9${String(n % 100_000).padStart(5, '0')}`,
    postcode: 'CA1 1AA',
    ...groupOverrides,
  });
  const phase = await em.findOneOrFail(Phase, { fund, position: 0 });
  const application = em.create(Application, {
    reference: `T-${String(n).padStart(6, '0')}`,
    fund,
    phase,
    group,
    status: ApplicationStatus.SUBMITTED,
    title: 'Food parcels',
    summary: 'Weekly food parcels for families.',
    amountRequestedPence: 1_500_00,
    submittedAt: new Date('2026-11-02T10:00:00Z'),
    ...applicationOverrides,
  });
  await em.flush();
  return application;
}
