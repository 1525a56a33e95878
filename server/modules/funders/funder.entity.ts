import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { FunderKind } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';

@ObjectType({ description: 'An organisation that pays into a pooled fund.' })
@Entity()
export class Funder extends BaseEntity {
  @Field()
  @Property({ length: 160 })
  name!: string;

  @Field(() => FunderKind)
  @Enum({ items: () => FunderKind, nativeEnumName: 'funder_kind' })
  kind!: FunderKind;
}
