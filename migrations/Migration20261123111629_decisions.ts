import { Migration } from '@mikro-orm/migrations';

export class Migration20261123111629_decisions extends Migration {

  override name = 'Migration20261123111629_decisions';

  override up(): void | Promise<void> {
    this.addSql(`create type "decision_kind" as enum ('AWARD', 'DECLINE', 'DEFER', 'REFER');`);
    this.addSql(`create table "decision" ("id" uuid not null, "created_at" timestamptz not null, "application_id" uuid not null, "meeting_id" uuid not null, "kind" "decision_kind" not null, "amount_pence" int null, "reason" text null, "message" text null, "referred_to" varchar(200) null, "decided_by_id" uuid not null, "decided_at" timestamptz not null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`alter table "decision" add constraint "decision_application_id_unique" unique ("application_id");`);

    this.addSql(`create table "award_draw" ("id" uuid not null, "created_at" timestamptz not null, "decision_id" uuid not null, "contribution_id" uuid not null, "amount_pence" int not null, primary key ("id"));`);

    this.addSql(`alter table "decision" add constraint "decision_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "decision" add constraint "decision_meeting_id_foreign" foreign key ("meeting_id") references "panel_meeting" ("id") on delete cascade;`);
    this.addSql(`alter table "decision" add constraint "decision_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id");`);

    this.addSql(`alter table "award_draw" add constraint "award_draw_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on delete cascade;`);
    this.addSql(`alter table "award_draw" add constraint "award_draw_contribution_id_foreign" foreign key ("contribution_id") references "contribution" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "award_draw" drop constraint "award_draw_decision_id_foreign";`);

    this.addSql(`drop table if exists "decision" cascade;`);
    this.addSql(`drop table if exists "award_draw" cascade;`);

    this.addSql(`drop type "decision_kind";`);
  }

}
