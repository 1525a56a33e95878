import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, LegalForm, PhaseKind, PhaseStatus } from '../../shared/domain.ts';
import { ApplicantGroup } from '../modules/applications/applicant-group.entity.ts';
import { Application } from '../modules/applications/application.entity.ts';
import { ConfirmationKind, ConfirmationStatus, GroupConfirmation } from '../modules/applications/group-confirmation.entity.ts';
import { hashToken } from '../auth/tokens.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { Funder } from '../modules/funders/funder.entity.ts';
import { Contribution } from '../modules/funds/contribution.entity.ts';
import { FundMembership } from '../modules/funds/fund-membership.entity.ts';
import { Fund } from '../modules/funds/fund.entity.ts';
import { Phase } from '../modules/funds/phase.entity.ts';
import { User } from '../modules/users/user.entity.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { FunderFocus } from '../modules/taxonomy/funder-focus.entity.ts';
import { Priority } from '../modules/taxonomy/priority.entity.ts';
import { seedPriorities } from '../modules/taxonomy/taxonomy.service.ts';
import { seedDemoDuplicates } from './seed-duplicates.ts';
import { seedDemoGeography } from './seed-geography.ts';
import {
  DEMO_EMAIL_DOMAIN,
  demoContributions,
  demoExtraPriorities,
  demoFocus,
  demoFund,
  demoFunders,
  demoPeople,
  demoPhases,
  demoPlaces,
  demoWorks,
} from './demo-data.ts';

export const DEMO_GROUP_COUNT = 80;


const FIRST_NAMES = ['Alex', 'Bea', 'Cal', 'Dee', 'Eli', 'Fran', 'Gus', 'Hana', 'Ivo', 'Jas', 'Kit', 'Lou', 'Mo', 'Nia', 'Oli', 'Pat'];
const LAST_NAMES = ['Ashworth', 'Birkett', 'Coward', 'Dixon', 'Ellwood', 'Fell', 'Gibson', 'Hodgson', 'Irving', 'Jackson', 'Kendal', 'Lowes'];
const STATUSES_BY_ROUND: ApplicationStatus[] = [
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.CHECKED,
  ApplicationStatus.DRAFT,
];

export function demoPostcode(placeIndex: number, workIndex: number, unit: number) {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return `RD${placeIndex + 1} ${workIndex % 10}${letters[unit % 20]}${letters[(unit * 3 + 7) % 20]}`;
}

/** An unconstituted demo group is vouched for by a host organisation or by two members and a referee. */
function vouching(index: number, place: string) {
  if (index % 2 === 0) {
    return {
      hostName: `${place} Village Hall CIO`,
      hostContactName: `${FIRST_NAMES[(index + 3) % FIRST_NAMES.length]} ${LAST_NAMES[(index + 5) % LAST_NAMES.length]}`,
      hostEmail: `hall.${index}@${DEMO_EMAIL_DOMAIN}`,
    };
  }
  return {
    memberNames: [`${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[index % LAST_NAMES.length]}`, `${FIRST_NAMES[(index + 7) % FIRST_NAMES.length]} ${LAST_NAMES[(index + 2) % LAST_NAMES.length]}`],
    refereeName: `${FIRST_NAMES[(index + 1) % FIRST_NAMES.length]} ${LAST_NAMES[(index + 9) % LAST_NAMES.length]}`,
    refereeOrganisation: `${place} Primary School`,
    refereeEmail: `referee.${index}@${DEMO_EMAIL_DOMAIN}`,
  };
}

/** Loads the demo fund unless it is already there. Returns false when nothing was loaded. */
export async function seedDemo(em: EntityManager): Promise<boolean> {
  if ((await em.count(Fund, { isDemo: true })) > 0) return false;

  await em.transactional(async (tx) => {
    const fund = tx.create(Fund, { ...demoFund, isDemo: true, lastReferenceNumber: DEMO_GROUP_COUNT });
    const phases = new Map(
      demoPhases.map((phase, position) => [
        phase.name,
        tx.create(Phase, {
          fund,
          name: phase.name,
          kind: phase.kind as PhaseKind,
          position,
          criteria: phase.criteria,
          minAwardPence: phase.minAwardPence,
          maxAwardPence: phase.maxAwardPence,
          status: phase.status as PhaseStatus,
          openedAt: new Date(phase.openedAt),
          closedAt: phase.closedAt ? new Date(phase.closedAt) : undefined,
        }),
      ]),
    );
    const funders = new Map(demoFunders.map((funder) => [funder.key, tx.create(Funder, { name: funder.name, kind: funder.kind })]));

    const priorities = seedPriorities(tx, fund);
    for (const extra of demoExtraPriorities) priorities.push(tx.create(Priority, { fund, ...extra, position: priorities.length }));
    for (const [funder, keys] of Object.entries(demoFocus)) {
      for (const key of keys) tx.create(FunderFocus, { fund, funder: funders.get(funder as keyof typeof demoFocus)!, priority: priorities.find((priority) => priority.key === key)! });
    }

    for (const contribution of demoContributions) {
      tx.create(Contribution, {
        fund,
        funder: funders.get(contribution.funder)!,
        amountPence: contribution.amountPence,
        receivedOn: contribution.receivedOn,
        restrictedToPriorities: contribution.restrictedToPriorities ?? [],
        restrictedToAreas: contribution.restrictedToAreas ?? [],
        excludesUnconstituted: contribution.excludesUnconstituted ?? false,
        restrictedToPhase: contribution.phase ? phases.get(contribution.phase) : undefined,
        spendBy: contribution.spendBy,
        note: contribution.note,
      });
    }

    for (const person of demoPeople) {
      const user = tx.create(User, { name: person.name, email: person.email });
      tx.create(FundMembership, { fund, user, role: person.role, funder: person.funder ? funders.get(person.funder) : undefined });
    }

    const random = seededRandom(20261123);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const emergency = phases.get('Emergency')!;
    const recovery = phases.get('Recovery')!;
    const emergencyStart = Date.parse('2026-09-15T09:00:00Z');
    const recoveryStart = Date.parse('2026-11-02T09:00:00Z');
    const created = new Map<string, Application>();

    for (let index = 0; index < DEMO_GROUP_COUNT; index += 1) {
      const work = demoWorks[index % demoWorks.length];
      // The second time round the works, the places shift, so no two demo groups share a name.
      const placeIndex = (index * 7 + Math.floor(index / 48) * 3) % demoPlaces.length;
      const place = demoPlaces[placeIndex];
      // Every legal form appears: cycle through the forms that suit the work, then fill in the rest.
      const legalForm = index < Object.values(LegalForm).length ? Object.values(LegalForm)[index] : work.forms[index % work.forms.length];
      const contactName = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      const registered = legalForm === LegalForm.REGISTERED_CHARITY || legalForm === LegalForm.CIO || legalForm === LegalForm.CHARITABLE_COMPANY;
      const company = legalForm === LegalForm.CHARITABLE_COMPANY || legalForm === LegalForm.CIC || legalForm === LegalForm.COMPANY;
      const group = tx.create(ApplicantGroup, {
        name: `${place} ${work.name}`,
        legalForm,
        charityNumber: registered ? String(1_190_000 + index * 37) : undefined,
        companyNumber: company ? `1${String(2_400_000 + index * 53).padStart(7, '0')}` : undefined,
        // One postcode district per place, one sector per kind of work, so neighbours look like neighbours.
        postcode: demoPostcode(placeIndex, index % demoWorks.length, index),
        contactName,
        contactEmail: `${contactName.toLowerCase().replace(/[^a-z]+/g, '.')}.${index}@${DEMO_EMAIL_DOMAIN}`,
        contactPhone: `07700 900${String(100 + index).slice(-3)}`,
        ...(legalForm === LegalForm.UNCONSTITUTED_GROUP ? vouching(index, place) : {}),
      });

      // The first half applied in the emergency phase; the rest are recent recovery applications.
      const inEmergency = index < DEMO_GROUP_COUNT / 2;
      const phase = inEmergency ? emergency : recovery;
      const status = inEmergency ? ApplicationStatus.CHECKED : STATUSES_BY_ROUND[index % STATUSES_BY_ROUND.length];
      const start = inEmergency ? emergencyStart : recoveryStart;
      const submittedAt = new Date(start + index * 13 * 3_600_000 + Math.floor(random() * 3_600_000));
      const cap = legalForm === LegalForm.UNCONSTITUTED_GROUP ? demoFund.unconstitutedCapPence : phase.maxAwardPence;
      const amount = Math.round((phase.minAwardPence + random() * (cap - phase.minAwardPence)) / 5000) * 5000;
      const application = tx.create(Application, {
        reference: `RD-${String(index + 1).padStart(5, '0')}`,
        fund,
        phase,
        group,
        status,
        title: work.title,
        summary: `${work.summary} (${place})`,
        amountRequestedPence: Math.max(phase.minAwardPence, amount),
        assisted: index % 11 === 5,
        priorityTags: status === ApplicationStatus.DRAFT ? [] : work.tags,
        checklist:
          status === ApplicationStatus.CHECKED
            ? { eligibilityConfirmed: true, safeguarding: work.tags.includes('children-young-people') ? 'POLICY_SEEN' : 'NOT_NEEDED', bankDetailsChecked: false, hostOrRefereeConfirmed: legalForm === LegalForm.UNCONSTITUTED_GROUP ? true : undefined }
            : {},
        readyForPanelAt: status === ApplicationStatus.CHECKED ? new Date(submittedAt.getTime() + 2 * 86_400_000) : undefined,
        submittedAt: status === ApplicationStatus.DRAFT ? undefined : submittedAt,
        createdAt: new Date(submittedAt.getTime() - 2 * 86_400_000),
      });
      application.updatedAt = submittedAt;
      created.set(application.reference, application);
      if (legalForm === LegalForm.UNCONSTITUTED_GROUP && status !== ApplicationStatus.DRAFT) {
        const byHost = Boolean(group.hostEmail);
        tx.create(GroupConfirmation, {
          application,
          kind: byHost ? ConfirmationKind.HOST : ConfirmationKind.REFEREE,
          name: (byHost ? group.hostContactName : group.refereeName)!,
          organisation: (byHost ? group.hostName : group.refereeOrganisation)!,
          email: (byHost ? group.hostEmail : group.refereeEmail)!,
          // A hash of nothing anyone holds: demo confirmations cannot be opened by link.
          tokenHash: hashToken(`demo-confirmation-${index}`),
          status: status === ApplicationStatus.CHECKED ? ConfirmationStatus.CONFIRMED : ConfirmationStatus.PENDING,
          respondedAt: status === ApplicationStatus.CHECKED ? new Date(submittedAt.getTime() + 86_400_000) : undefined,
        });
      }
    }

    await seedDemoDuplicates(tx, { fund, recovery, created, recoveryStart });
    // Its generated district, wards and small areas; every application placed from its group's postcode.
    await seedDemoGeography(tx, fund);

    recordAudit(tx, { actor: null, action: 'demo.loaded', entityType: 'Fund', entityId: fund.id, fundId: fund.id, changes: { groups: DEMO_GROUP_COUNT } });
  });
  return true;
}

export async function demoPrintedPeople(em: EntityManager) {
  const emails = demoPeople.filter((person) => person.printed).map((person) => person.email);
  const users = await em.find(User, { email: { $in: emails } });
  return emails.flatMap((email) => {
    const user = users.find((candidate) => candidate.email === email);
    const person = demoPeople.find((candidate) => candidate.email === email)!;
    return user ? [{ user, role: person.role }] : [];
  });
}
