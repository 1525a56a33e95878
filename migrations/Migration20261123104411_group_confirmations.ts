import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104411_group_confirmations extends Migration {

  override name = 'Migration20261123104411_group_confirmations';

  override up(): void | Promise<void> {
    this.addSql(`create type "confirmation_kind" as enum ('HOST', 'REFEREE');`);
    this.addSql(`create type "confirmation_status" as enum ('PENDING', 'CONFIRMED', 'DECLINED');`);
    this.addSql(`create table "group_confirmation" ("id" uuid not null, "created_at" timestamptz not null, "application_id" uuid not null, "kind" "confirmation_kind" not null, "name" varchar(120) not null, "organisation" varchar(200) not null, "email" varchar(254) not null, "token_hash" varchar(64) not null, "status" "confirmation_status" not null default 'PENDING', "responded_at" timestamptz null, "note" text null, primary key ("id"));`);
    this.addSql(`alter table "group_confirmation" add constraint "group_confirmation_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "group_confirmation_application_id_index" on "group_confirmation" ("application_id");`);

    this.addSql(`alter table "group_confirmation" add constraint "group_confirmation_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "group_confirmation" cascade;`);

    this.addSql(`drop type "confirmation_kind";`);
    this.addSql(`drop type "confirmation_status";`);
  }

}
