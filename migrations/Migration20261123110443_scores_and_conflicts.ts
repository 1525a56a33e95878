import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110443_scores_and_conflicts extends Migration {

  override name = 'Migration20261123110443_scores_and_conflicts';

  override up(): void | Promise<void> {
    this.addSql(`create table "score" ("id" uuid not null, "created_at" timestamptz not null, "application_id" uuid not null, "panellist_id" uuid not null, "value" smallint null, "comment" text null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "score" add constraint "score_application_id_panellist_id_unique" unique ("application_id", "panellist_id");`);

    this.addSql(`create table "conflict_of_interest" ("id" uuid not null, "created_at" timestamptz not null, "application_id" uuid not null, "panellist_id" uuid not null, "reason" varchar(500) not null, primary key ("id"));`);
    this.addSql(`alter table "conflict_of_interest" add constraint "conflict_of_interest_application_id_panellist_id_unique" unique ("application_id", "panellist_id");`);

    this.addSql(`alter table "score" add constraint "score_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "score" add constraint "score_panellist_id_foreign" foreign key ("panellist_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "conflict_of_interest" add constraint "conflict_of_interest_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "conflict_of_interest" add constraint "conflict_of_interest_panellist_id_foreign" foreign key ("panellist_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "score" add constraint "score_value_range" check ("value" between 1 and 4);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "score" cascade;`);
    this.addSql(`drop table if exists "conflict_of_interest" cascade;`);
  }

}
