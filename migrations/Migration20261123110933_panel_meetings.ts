import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110933_panel_meetings extends Migration {

  override name = 'Migration20261123110933_panel_meetings';

  override up(): void | Promise<void> {
    this.addSql(`create type "meeting_status" as enum ('SCHEDULED', 'IN_PROGRESS', 'CLOSED');`);
    this.addSql(`create table "panel_meeting" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "meets_at" timestamptz not null, "cutoff_at" timestamptz not null, "status" "meeting_status" not null default 'SCHEDULED', "agenda_built_at" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`alter table "panel_meeting" add constraint "panel_meeting_fund_id_meets_at_unique" unique ("fund_id", "meets_at");`);

    this.addSql(`alter table "application" add "meeting_id" uuid null;`);
    this.addSql(`alter table "application" add constraint "application_meeting_id_foreign" foreign key ("meeting_id") references "panel_meeting" ("id") on delete set null;`);

    this.addSql(`alter table "panel_meeting" add constraint "panel_meeting_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "application" drop constraint "application_meeting_id_foreign";`);

    this.addSql(`drop table if exists "panel_meeting" cascade;`);

    this.addSql(`alter table "application" drop column "meeting_id";`);

    this.addSql(`drop type "meeting_status";`);
  }

}
