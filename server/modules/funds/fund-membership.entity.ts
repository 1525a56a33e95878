import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { FundRole } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { Funder } from '../funders/funder.entity.ts';
import { User } from '../users/user.entity.ts';
import { Fund } from './fund.entity.ts';

@ObjectType({ description: 'A role that a person holds in one fund, for a funder or as a community member.' })
@Entity()
@Unique({ properties: ['fund', 'user', 'role'] })
export class FundMembership extends BaseEntity {
  @Field(() => Fund)
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @Field(() => User)
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @Field(() => Funder, { nullable: true, description: 'The funder this person represents; none for community panellists.' })
  @ManyToOne(() => Funder, { nullable: true })
  funder?: Rel<Funder>;

  @Field(() => FundRole)
  @Enum({ items: () => FundRole, nativeEnumName: 'fund_role' })
  role!: FundRole;
}
