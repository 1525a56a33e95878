import { Migration } from '@mikro-orm/migrations';

export class Migration20261123155102_areas extends Migration {

  override name = 'Migration20261123155102_areas';

  override up(): void | Promise<void> {
    this.addSql(`create type "area_import_kind" as enum ('BOUNDARIES', 'DEPRIVATION', 'POPULATION', 'POSTCODES');`);
    this.addSql(`create type "area_kind" as enum ('LSOA', 'WARD', 'LOCAL_AUTHORITY');`);
    this.addSql(`create table "area_import" ("id" uuid not null, "created_at" timestamptz not null, "kind" "area_import_kind" not null, "file_name" varchar(200) not null, "rows_read" int not null, "areas_created" int not null default 0, "areas_updated" int not null default 0, "postcodes" int not null default 0, "imported_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "area_import_created_at_index" on "area_import" ("created_at");`);

    this.addSql(`create table "postcode_area" ("postcode" varchar(8) not null, "lsoa_code" varchar(9) null, "ward_code" varchar(9) null, "local_authority_code" varchar(9) null, "imported_from_id" uuid not null, "updated_at" timestamptz not null, primary key ("postcode"));`);
    this.addSql(`create index "postcode_area_lsoa_code_index" on "postcode_area" ("lsoa_code");`);

    this.addSql(`create table "area" ("id" uuid not null, "created_at" timestamptz not null, "code" varchar(9) not null, "kind" "area_kind" not null, "name" varchar(200) not null, "local_authority_code" varchar(9) null, "ward_code" varchar(9) null, "geometry" jsonb null, "area_km2" double precision null, "centroid_lon" double precision null, "centroid_lat" double precision null, "population" int null, "imd_rank" int null, "imd_decile" smallint null, "demo" boolean not null default false, "boundary_import_id" uuid null, "deprivation_import_id" uuid null, "population_import_id" uuid null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "area" add constraint "area_code_unique" unique ("code");`);
    this.addSql(`create index "area_kind_local_authority_code_index" on "area" ("kind", "local_authority_code");`);

    this.addSql(`alter table "area_import" add constraint "area_import_imported_by_id_foreign" foreign key ("imported_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "postcode_area" add constraint "postcode_area_imported_from_id_foreign" foreign key ("imported_from_id") references "area_import" ("id") on delete cascade;`);

    this.addSql(`alter table "area" add constraint "area_boundary_import_id_foreign" foreign key ("boundary_import_id") references "area_import" ("id") on delete set null;`);
    this.addSql(`alter table "area" add constraint "area_deprivation_import_id_foreign" foreign key ("deprivation_import_id") references "area_import" ("id") on delete set null;`);
    this.addSql(`alter table "area" add constraint "area_population_import_id_foreign" foreign key ("population_import_id") references "area_import" ("id") on delete set null;`);
    this.addSql(`alter table "area" add constraint "area_imd_decile_range" check ((imd_decile >= 1) AND (imd_decile <= 10));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "postcode_area" drop constraint "postcode_area_imported_from_id_foreign";`);
    this.addSql(`alter table "area" drop constraint "area_boundary_import_id_foreign";`);
    this.addSql(`alter table "area" drop constraint "area_deprivation_import_id_foreign";`);
    this.addSql(`alter table "area" drop constraint "area_population_import_id_foreign";`);

    this.addSql(`drop table if exists "area_import" cascade;`);
    this.addSql(`drop table if exists "postcode_area" cascade;`);
    this.addSql(`drop table if exists "area" cascade;`);

    this.addSql(`drop type "area_import_kind";`);
    this.addSql(`drop type "area_kind";`);
  }

}
