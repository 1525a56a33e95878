import type { EntityManager } from '@mikro-orm/postgresql';
import sharp from 'sharp';
import { FundRole } from '../../shared/domain.ts';
import { ReportingRequirement, ReportStatus, StoryConsent, type ReportingBands } from '../../shared/reporting.ts';
import { FundMembership } from '../modules/funds/fund-membership.entity.ts';
import { Fund } from '../modules/funds/fund.entity.ts';
import type { PhotoStore } from '../modules/reports/photo-store.ts';
import { Report, ReportPhoto, ReportReply } from '../modules/reports/report.entity.ts';
import { preparePhoto } from '../modules/reports/report-photo.ts';
import { recordPhoneReport } from '../modules/reports/report.service.ts';
import { ReportingPolicy } from '../modules/reports/reporting-policy.entity.ts';
import { viewerOf } from './seed-panel-history.ts';

/** The demo fund's policy: nothing under £500, a few sentences up to £2,500, the short form above; due in six weeks. */
export const demoReportingPolicy: ReportingBands = { sentencesFromPence: 500_00, shortFormFromPence: 2_500_00, dueWeeks: 6 };

/** Gives the demo fund its reporting policy, before its past meetings make grants. */
export async function seedDemoReportingPolicy(em: EntityManager, fund: Fund) {
  if ((await em.count(ReportingPolicy, { fund })) > 0) return;
  em.create(ReportingPolicy, { fund, ...demoReportingPolicy });
  await em.flush();
}

const SENTENCES = [
  'We delivered hot meals to 30 households cut off by the flood for three weeks. Volunteers drove the back lanes every evening, and for several older people it was the only visit they had.',
  'The grant paid for dehumidifiers and cleaning kits, lent from the village hall. Eleven homes were dry enough to move back into before the cold weather.',
  'We kept the warm space open four afternoons a week. People came for the heating and stayed for the tea, and a knitting group has started by itself.',
  'We bought phone credit and tablets for people living alone, and set up a ring round. Nobody on our list went a week without a friendly call.',
];

const SHORT_FORMS = [
  {
    whatHappened: 'We ran a community pantry twice a week in the church hall from October, with fresh food from two farms and a local shop.',
    peopleCount: 240,
    story: 'A dad who had lost his van in the flood came in with his two children. By the third week he was volunteering on the Thursday shift, and says it got him through.',
    whatChanged: 'Families who had never asked for help before came in without embarrassment, and the pantry is now run by its own users.',
    moneyLeftPence: 0,
  },
  {
    whatHappened: 'Our youth workers ran evening sessions in the sports hall while the youth centre dried out, with transport for young people from the outlying farms.',
    peopleCount: 85,
    story: 'One young carer told us the Tuesday session was the only two hours in the week that were hers. She now helps plan the sessions.',
    whatChanged: 'Young people from the fells and the town met for the first time, and asked us to keep the joint sessions going.',
    moneyLeftPence: 125_50,
  },
  {
    whatHappened: 'We paid a debt and benefits adviser to hold drop-ins at the library and the community centre for ten weeks.',
    peopleCount: 64,
    story: 'A retired couple came in about a flood insurance letter they could not follow. The adviser helped them claim, and they have repaired their kitchen.',
    whatChanged: 'People sorted problems before they turned into crises, and the council now refers people to the drop-in.',
    moneyLeftPence: 0,
  },
];

const REPLIES = [
  'Thank you for this. The panel read it out at Thursday’s meeting, and the council’s board would like to use it in their flood recovery report.',
  'This is exactly what the fund was for. Thank you for sending it so promptly, and for the photo.',
  'Thank you. If the pantry needs help to keep going in the spring, do apply to the recovery round.',
];

const PHOTO_COLOURS = [
  { sky: '#b7d7ef', hill: '#4c7c3f', far: '#7ea46f', accent: '#d4351c' },
  { sky: '#f3dcb2', hill: '#5b6e3a', far: '#98a86a', accent: '#1d70b8' },
  { sky: '#cfd8dc', hill: '#3d5a4a', far: '#6f8f7c', accent: '#f47738' },
  { sky: '#e8d5e8', hill: '#5d7b4c', far: '#a1b98a', accent: '#912b88' },
];

/** A simple generated picture (fells, a hall, people as dots), so the demo has photos and no real faces. */
export function demoPhotoSvg(seed: number) {
  const colour = PHOTO_COLOURS[seed % PHOTO_COLOURS.length];
  const people = Array.from({ length: 5 + (seed % 4) }, (_, index) => {
    const x = 260 + index * 70 + ((seed * 13) % 40);
    return `<circle cx="${x}" cy="470" r="16" fill="${index % 2 ? colour.accent : '#0b0c0c'}"/><rect x="${x - 18}" y="488" width="36" height="60" rx="12" fill="${index % 2 ? colour.accent : '#505a5f'}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
  <rect width="1200" height="800" fill="${colour.sky}"/>
  <circle cx="${950 - (seed % 5) * 60}" cy="150" r="70" fill="#ffdd00"/>
  <path d="M0 420 L260 ${230 + (seed % 3) * 30} L520 400 L780 ${210 + (seed % 4) * 20} L1200 380 L1200 800 L0 800 Z" fill="${colour.far}"/>
  <path d="M0 560 Q300 ${440 + (seed % 5) * 10} 600 540 T1200 520 L1200 800 L0 800 Z" fill="${colour.hill}"/>
  <rect x="120" y="380" width="260" height="180" fill="#f3f2f1"/><path d="M100 390 L250 300 L400 390 Z" fill="#6f777b"/>
  <rect x="220" y="470" width="60" height="90" fill="${colour.accent}"/>
  ${people}
</svg>`;
}

/**
 * The demo fund's reports, once: some sent by their groups with stories and photos (generated
 * pictures, stored as any photo is, with no metadata), one taken by phone by the demo officer, replies
 * from the fund on several, and the rest still to come, the older ones overdue. Made after the past
 * meetings, whose grants already have their reports and due dates from the demo's policy.
 */
export async function seedDemoReports(em: EntityManager, photos: PhotoStore): Promise<boolean> {
  const fund = await em.findOne(Fund, { isDemo: true });
  if (!fund) return false;
  const reports = await em.find(Report, { grant: { application: { fund } } }, { populate: ['grant', 'grant.application', 'grant.decision'], orderBy: { grant: { application: { reference: 'asc' } } } });
  if (reports.length === 0 || reports.some((report) => report.status === ReportStatus.SUBMITTED)) return false;

  const officerMembership = await em.findOneOrFail(FundMembership, { fund, role: FundRole.FUNDER_OFFICER }, { populate: ['user', 'fund'], orderBy: { createdAt: 'asc' } });
  const officer = viewerOf([officerMembership]);
  let sentences = 0;
  let shortForms = 0;
  let photosMade = 0;

  for (const [index, report] of reports.entries()) {
    const { grant } = report;
    // A third wait (the oldest of them are overdue); the rest were sent a few weeks after the award.
    if (index % 3 === 2) continue;
    const sentAt = new Date(grant.decision.decidedAt.getTime() + (25 + (index % 9)) * 86_400_000);
    if (sentAt > new Date()) continue;

    if (index === 1) {
      // Taken by phone: the group rang in rather than use the link.
      const form = SHORT_FORMS[2];
      await recordPhoneReport(em.fork(), officer, {
        grantId: grant.id,
        ...(grant.reporting === ReportingRequirement.SHORT_FORM ? { ...form, moneyLeftPence: Math.min(form.moneyLeftPence, grant.amountPence) } : { sentences: SENTENCES[index % SENTENCES.length] }),
        storyConsent: StoryConsent.FUNDERS,
      }, sentAt);
      continue;
    }

    const consent = [StoryConsent.PUBLIC, StoryConsent.FUNDERS, StoryConsent.PUBLIC, StoryConsent.NOT_SHARED][index % 4];
    if (grant.reporting === ReportingRequirement.SHORT_FORM) {
      const form = SHORT_FORMS[shortForms++ % SHORT_FORMS.length];
      em.assign(report, { ...form, moneyLeftPence: Math.min(form.moneyLeftPence, grant.amountPence) });
    } else {
      em.assign(report, { sentences: SENTENCES[sentences++ % SENTENCES.length] });
    }
    em.assign(report, { storyConsent: consent, status: ReportStatus.SUBMITTED, submittedAt: sentAt, updatedAt: sentAt });

    if (index % 2 === 0) {
      const prepared = await preparePhoto(await sharp(Buffer.from(demoPhotoSvg(index))).jpeg({ quality: 85 }).toBuffer());
      if (!prepared.ok) throw new Error(`demo photo ${index}: ${prepared.message}`);
      const storageKey = await photos.save(prepared.jpeg);
      em.create(ReportPhoto, { report, storageKey, width: prepared.width, height: prepared.height, bytes: prepared.jpeg.length, description: 'A drawing of volunteers outside the village hall, with the fells behind (demo picture)', createdAt: sentAt });
      photosMade += 1;
    }
    if (index % 4 === 0) {
      em.create(ReportReply, { report, author: officerMembership.user, message: REPLIES[(index / 4) % REPLIES.length], createdAt: new Date(sentAt.getTime() + 2 * 86_400_000) });
    }
  }
  await em.flush();
  return photosMade > 0 || sentences + shortForms > 0;
}
