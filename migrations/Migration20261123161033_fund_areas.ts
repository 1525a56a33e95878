import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161033_fund_areas extends Migration {

  override name = 'Migration20261123161033_fund_areas';

  override up(): void | Promise<void> {
    this.addSql(`alter table "fund" add "area_codes" text[] not null default '{}';`);
    this.addSql(`alter table "fund" alter column "area_codes" drop default;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "fund" drop column "area_codes";`);
  }

}
