import { Migration } from '@mikro-orm/migrations';

export class Migration20261123160610_application_areas extends Migration {

  override name = 'Migration20261123160610_application_areas';

  override up(): void | Promise<void> {
    this.addSql(`alter table "application" add "area_codes" text[] not null default '{}';`);
    this.addSql(`alter table "application" alter column "area_codes" drop default;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "application" drop column "area_codes";`);
  }

}
