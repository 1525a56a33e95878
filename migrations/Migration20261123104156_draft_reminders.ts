import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104156_draft_reminders extends Migration {

  override name = 'Migration20261123104156_draft_reminders';

  override up(): void | Promise<void> {
    this.addSql(`alter table "application_draft" add "reminder_email" varchar(254) null, add "reminders_sent" smallint not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "application_draft" drop column "reminder_email", drop column "reminders_sent";`);
  }

}
