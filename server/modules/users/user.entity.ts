import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';

@ObjectType({ description: 'A person who signs in: coordinator, funder officer or panellist.' })
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity<'lastSignedInAt'> {
  @Field({ description: 'Lower-cased email address used for sign-in links.' })
  @Unique()
  @Property({ length: 254 })
  email!: string;

  @Field()
  @Property({ length: 120 })
  name!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastSignedInAt?: Date;
}
