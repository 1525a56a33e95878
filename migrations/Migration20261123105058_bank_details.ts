import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105058_bank_details extends Migration {

  override name = 'Migration20261123105058_bank_details';

  override up(): void | Promise<void> {
    this.addSql(`create table "bank_details_request" ("id" uuid not null, "created_at" timestamptz not null, "application_id" uuid not null, "email" varchar(254) not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "bank_details_request" add constraint "bank_details_request_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "bank_details_request_application_id_index" on "bank_details_request" ("application_id");`);

    this.addSql(`create table "bank_details" ("id" uuid not null, "created_at" timestamptz not null, "application_id" uuid not null, "account_name_encrypted" text not null, "sort_code_encrypted" text not null, "account_number_encrypted" text not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "bank_details" add constraint "bank_details_application_id_unique" unique ("application_id");`);

    this.addSql(`alter table "bank_details_request" add constraint "bank_details_request_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);

    this.addSql(`alter table "bank_details" add constraint "bank_details_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "bank_details_request" cascade;`);
    this.addSql(`drop table if exists "bank_details" cascade;`);
  }

}
