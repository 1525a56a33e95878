// Prints fresh sign-in links for the demo people (each works once, for 10 minutes). Works beside a
// running server, which owns the embedded PostgreSQL; the script then only connects to it.
import 'reflect-metadata';
import { FUND_ROLE_LABELS } from '../shared/domain.ts';
import { issueSignInLink } from '../server/auth/sign-in.service.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { demoPrintedPeople } from '../server/demo/seed-demo.ts';
import { logger } from '../server/logger.ts';

const config = loadConfig();
const database = await openDatabase(config, logger.child({}, { level: 'warn' }));
try {
  const em = database.orm.em.fork();
  const people = await demoPrintedPeople(em);
  if (people.length === 0) console.log('The demo fund is not loaded in this database.');
  for (const { user, role } of people) {
    console.log(`${FUND_ROLE_LABELS[role].padEnd(20)} ${user.name} <${user.email}>\n  ${await issueSignInLink(em, user, config.publicUrl)}`);
  }
} finally {
  await database.close();
}
