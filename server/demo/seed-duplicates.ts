// The demo fund's duplicates: a group that applied twice under two names, a second group doing the
// same work in the same village, a mutual-aid group applying again under a new name, a group back for
// the recovery phase, and a file of grants two funders made directly (some to groups in the pool). The engine finds them
// as it would for real; then officers' reviews are recorded on some, through the same service.

import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, DuplicateVerdict, FundRole, LegalForm } from '../../shared/domain.ts';
import { ApplicantGroup } from '../modules/applications/applicant-group.entity.ts';
import { Application } from '../modules/applications/application.entity.ts';
import { DuplicateFlag } from '../modules/duplicates/duplicate-flag.entity.ts';
import { checkFund, reviewDuplicate } from '../modules/duplicates/duplicates.service.ts';
import { ExternalGrantImport } from '../modules/duplicates/external-grant.entity.ts';
import { storeExternalGrants } from '../modules/duplicates/external-grant.service.ts';
import type { PublishedGrant } from '../modules/duplicates/three-sixty-giving.ts';
import { FundMembership } from '../modules/funds/fund-membership.entity.ts';
import { Fund } from '../modules/funds/fund.entity.ts';
import type { Phase } from '../modules/funds/phase.entity.ts';
import { viewerOf } from './seed-panel-history.ts';
import { DEMO_EMAIL_DOMAIN } from './demo-data.ts';

interface Seeded {
  fund: Fund;
  recovery: Phase;
  created: Map<string, Application>;
  recoveryStart: number;
}

/** Applications that repeat or overlap ones already in the demo (referenced by their RD- numbers). */
export async function seedDemoDuplicates(tx: EntityManager, { fund, recovery, created, recoveryStart }: Seeded) {
  const of = (reference: string) => created.get(reference)!;
  const advice = of('RD-00045').group;
  const foodBank = of('RD-00073').group;
  const mutualAid = of('RD-00062').group;
  const returning = of('RD-00015').group;
  const neighbours = of('RD-00074').group;
  let number = created.size;
  const add = (group: Partial<ApplicantGroup> & Pick<ApplicantGroup, 'name' | 'legalForm' | 'contactName' | 'contactEmail'>, application: Pick<Application, 'title' | 'summary' | 'amountRequestedPence' | 'priorityTags'>) => {
    number += 1;
    const submittedAt = new Date(recoveryStart + (number - 60) * 9 * 3_600_000);
    created.set(
      `RD-${String(number).padStart(5, '0')}`,
      tx.create(Application, {
        reference: `RD-${String(number).padStart(5, '0')}`,
        fund,
        phase: recovery,
        group: tx.create(ApplicantGroup, group),
        status: ApplicationStatus.SUBMITTED,
        ...application,
        submittedAt,
        createdAt: new Date(submittedAt.getTime() - 86_400_000),
        updatedAt: submittedAt,
      }),
    );
  };

  // The advice centre's treasurer sent a second form, under the company's registered name.
  add(
    { name: 'Kirkholm Advice Centre Ltd', legalForm: advice.legalForm, charityNumber: advice.charityNumber, companyNumber: advice.companyNumber, postcode: advice.postcode, contactName: 'Pat Lowes', contactEmail: `treasurer.kirkholm@${DEMO_EMAIL_DOMAIN}`, contactPhone: advice.contactPhone },
    { title: 'Benefits and insurance advice for flooded households', summary: 'Two caseworkers help people claim insurance, grants and benefits after the floods (Kirkholm).', amountRequestedPence: 4_500_00, priorityTags: ['financial-hardship'] },
  );
  // A church larder two streets from the food bank: the same work in the same place, by another group.
  add(
    { name: "St Oswald's Community Larder", legalForm: foodBank.legalForm, charityNumber: '1201877', postcode: foodBank.postcode!.replace(/..$/, 'QX'), contactName: 'Mo Kendal', contactEmail: `larder.greyrigg@${DEMO_EMAIL_DOMAIN}`, contactPhone: '07700 900871' },
    { title: 'Food parcels from the church hall', summary: 'Volunteers pack food parcels for families who lost their kitchens in the floods and deliver them on Saturdays (Greyrigg).', amountRequestedPence: 2_000_00, priorityTags: ['food'] },
  );
  // The mutual-aid group again, under the name its volunteers now use.
  add(
    { name: 'Dunmere Flood Volunteers', legalForm: mutualAid.legalForm, postcode: mutualAid.postcode, contactName: mutualAid.contactName, contactEmail: mutualAid.contactEmail, hostName: mutualAid.hostName, hostContactName: mutualAid.hostContactName, hostEmail: mutualAid.hostEmail, memberNames: mutualAid.memberNames, refereeName: mutualAid.refereeName, refereeOrganisation: mutualAid.refereeOrganisation, refereeEmail: mutualAid.refereeEmail },
    { title: 'Shopping and prescriptions for people stuck at home', summary: 'Volunteers pick up shopping and prescriptions for neighbours who cannot get out (Dunmere).', amountRequestedPence: 800_00, priorityTags: ['isolation', 'older-people'] },
  );
  // The youth club the emergency phase helped, back for the recovery with a new plan.
  add(
    { name: returning.name, legalForm: returning.legalForm, postcode: returning.postcode, contactName: returning.contactName, contactEmail: returning.contactEmail, contactPhone: returning.contactPhone },
    { title: 'Summer activities after the reopening', summary: 'Now the hall is open again, a summer programme of trips and sports for young people (Highmoor).', amountRequestedPence: 2_500_00, priorityTags: ['children-young-people'] },
  );
  // Good neighbours doing what the mutual-aid group already does on the same streets.
  add(
    { name: 'Highmoor Good Neighbours', legalForm: LegalForm.CONSTITUTED_COMMUNITY_GROUP, postcode: neighbours.postcode!.replace(/..$/, 'LZ'), contactName: 'Kit Irving', contactEmail: `neighbours.highmoor@${DEMO_EMAIL_DOMAIN}`, contactPhone: '07700 900874' },
    { title: 'Shopping and prescriptions for older neighbours', summary: 'A rota of drivers collects shopping and prescriptions for older people cut off by the damaged bridge (Highmoor).', amountRequestedPence: 1_200_00, priorityTags: ['isolation', 'older-people'] },
  );
  fund.lastReferenceNumber = number;

  // Grants two funders made directly, published in the 360Giving standard (made up for the demo).
  const batch = tx.create(ExternalGrantImport, { fund, fileName: 'direct-grants-autumn-2026-demo.json', funderNames: ['Dale Valley Community Foundation (demo)', 'Fellside Charitable Trust (demo)'], grantCount: 0, skippedIndividuals: 0 });
  await tx.flush();
  const youthClub = of('RD-00063').group;
  const direct = (id: string, funderName: string, recipient: Partial<PublishedGrant>, title: string, description: string, amount: number, awardDate: string): PublishedGrant => ({
    id: `360G-demo-${id}`,
    title,
    description,
    currency: 'GBP',
    amountAwarded: amount,
    awardDate,
    plannedStart: awardDate,
    plannedEnd: null,
    recipientOrgId: null,
    recipientName: '',
    charityNumber: null,
    companyNumber: null,
    postcode: null,
    locality: null,
    areas: [],
    funderId: null,
    funderName,
    programme: 'Flood response (demo)',
    ...recipient,
  });
  const grants = [
    direct('fellside-0101', 'Fellside Charitable Trust (demo)', { recipientName: 'Lowther Bridge Youth Club', postcode: youthClub.postcode }, 'Drying out the youth club hall', 'Dehumidifiers and repairs so young people can meet in the hall again.', 3000, '2026-10-12'),
    direct('fellside-0102', 'Fellside Charitable Trust (demo)', { recipientName: 'Brackenside Riding for the Disabled', postcode: 'RD11 2PL' }, 'Replacing flooded tack', 'Saddles and tack lost in the floods.', 1800, '2026-10-14'),
    direct('dale-0031', 'Dale Valley Community Foundation (demo)', { recipientName: 'Kirkholm Advice Centre', companyNumber: advice.companyNumber ?? null, recipientOrgId: advice.companyNumber ? `GB-COH-${advice.companyNumber}` : null, postcode: advice.postcode }, 'Flood advice caseworker', 'A caseworker for insurance claims after the floods.', 6000, '2026-10-20'),
    direct('dale-0032', 'Dale Valley Community Foundation (demo)', { recipientName: 'Ormside Parish Council', postcode: 'RD14 1AB' }, 'Sandbags and a flood store', 'A store of sandbags and pumps for the parish.', 2500, '2026-10-21'),
    direct('dale-0033', 'Dale Valley Community Foundation (demo)', { recipientName: 'Wetherlam Walking for Health', postcode: 'RD10 6TT' }, 'Walks for people recovering from the floods', 'Weekly led walks for people whose homes flooded.', 900, '2026-11-03'),
  ];
  batch.grantCount = grants.length;
  await storeExternalGrants(tx, fund, batch, grants);
}

/** Runs the engine over the demo fund once, then records officers' reviews of some flags. */
export async function reviewDemoDuplicates(em: EntityManager): Promise<boolean> {
  const fund = await em.findOne(Fund, { isDemo: true });
  if (!fund || (await em.count(DuplicateFlag, { fund })) > 0) return false;
  await checkFund(em, fund.id);

  const memberships = await em.find(FundMembership, { fund, role: FundRole.FUNDER_OFFICER }, { populate: ['user', 'fund'], orderBy: { createdAt: 'asc' } });
  const [officer, trustOfficer] = memberships.map((membership) => viewerOf([membership]));
  const flagBetween = async (first: string, second: string) => {
    const [row] = await em.execute<{ id: string; version: number }[]>(
      `SELECT f.id, f.version FROM duplicate_flag f
         JOIN match_record a ON a.id = f.record_a_id JOIN match_record b ON b.id = f.record_b_id
         JOIN application x ON x.id IN (a.application_id, b.application_id) AND x.reference = ?
         JOIN application y ON y.id IN (a.application_id, b.application_id) AND y.reference = ?
        WHERE f.fund_id = ?`,
      [first, second, fund.id],
    );
    return row;
  };
  const reviews: [string, string, typeof officer, DuplicateVerdict, string | null][] = [
    ['RD-00045', 'RD-00081', officer, DuplicateVerdict.DUPLICATE, 'The same advice centre: its treasurer sent a second form. Withdraw RD-00081 and consider RD-00045.'],
    ['RD-00073', 'RD-00082', trustOfficer, DuplicateVerdict.COMPLEMENTARY, 'The larder delivers on Saturdays to the streets north of the river; the food bank runs the weekday drop-in. They have agreed to refer families to each other.'],
    ['RD-00015', 'RD-00084', officer, DuplicateVerdict.NOT_DUPLICATE, null],
  ];
  for (const [first, second, viewer, verdict, note] of reviews) {
    const flag = await flagBetween(first, second);
    if (flag) await reviewDuplicate(em, viewer, { flagId: flag.id, version: flag.version, verdict, note });
  }
  return true;
}
