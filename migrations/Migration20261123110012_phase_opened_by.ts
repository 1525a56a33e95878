import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110012_phase_opened_by extends Migration {

  override name = 'Migration20261123110012_phase_opened_by';

  override up(): void | Promise<void> {
    this.addSql(`alter table "phase" add "opened_by_id" uuid null;`);
    this.addSql(`alter table "phase" add constraint "phase_opened_by_id_foreign" foreign key ("opened_by_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "phase" drop constraint "phase_opened_by_id_foreign";`);

    this.addSql(`alter table "phase" drop column "opened_by_id";`);
  }

}
