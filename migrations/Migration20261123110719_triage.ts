import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110719_triage extends Migration {

  override name = 'Migration20261123110719_triage';

  override up(): void | Promise<void> {
    // Applications already sent get an empty tag list and checklist; checked ones count as ready when they were sent.
    this.addSql(`alter table "application" add "priority_tags" text[] not null default '{}', add "checklist" jsonb not null default '{}', add "ready_for_panel_at" timestamptz null, add "version" int not null default 1;`);
    this.addSql(`alter table "application" alter column "priority_tags" drop default, alter column "checklist" drop default;`);
    this.addSql(`update "application" set "ready_for_panel_at" = "submitted_at" where "status" in ('CHECKED', 'ON_AGENDA', 'DECIDED');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "application" drop column "priority_tags", drop column "checklist", drop column "ready_for_panel_at", drop column "version";`);
  }

}
