import { Migration } from '@mikro-orm/migrations';

export class Migration20261123112645_grants extends Migration {

  override name = 'Migration20261123112645_grants';

  override up(): void | Promise<void> {
    this.addSql(`create type "payee" as enum ('GROUP', 'HOST');`);
    this.addSql(`create type "reporting_requirement" as enum ('NONE', 'SENTENCES', 'SHORT_FORM');`);
    this.addSql(`create type "payment_status" as enum ('DUE', 'PAID');`);
    this.addSql(`create table "fund_grant" ("id" uuid not null, "created_at" timestamptz not null, "application_id" uuid not null, "decision_id" uuid not null, "amount_pence" int not null, "payee" "payee" not null, "payee_name" varchar(200) not null, "reporting" "reporting_requirement" not null, primary key ("id"));`);
    this.addSql(`alter table "fund_grant" add constraint "fund_grant_application_id_unique" unique ("application_id");`);
    this.addSql(`alter table "fund_grant" add constraint "fund_grant_decision_id_unique" unique ("decision_id");`);

    this.addSql(`create table "payment" ("id" uuid not null, "created_at" timestamptz not null, "grant_id" uuid not null, "amount_pence" int not null, "status" "payment_status" not null default 'DUE', "paid_at" timestamptz null, primary key ("id"));`);

    this.addSql(`alter table "panel_meeting" add "closed_at" timestamptz null, add "minutes" jsonb null;`);

    this.addSql(`alter table "fund_grant" add constraint "fund_grant_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "fund_grant" add constraint "fund_grant_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on delete cascade;`);

    this.addSql(`alter table "payment" add constraint "payment_grant_id_foreign" foreign key ("grant_id") references "fund_grant" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_grant_id_foreign";`);

    this.addSql(`drop table if exists "fund_grant" cascade;`);
    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`alter table "panel_meeting" drop column "closed_at", drop column "minutes";`);

    this.addSql(`drop type "payee";`);
    this.addSql(`drop type "reporting_requirement";`);
    this.addSql(`drop type "payment_status";`);
  }

}
