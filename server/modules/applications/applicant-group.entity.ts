import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { LegalForm } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';

/**
 * A group that applies for money. Contact details and postcode are personal data for small groups
 * (often a volunteer's home), so they carry no GraphQL field here: the resolver exposes them only
 * where the group policy allows.
 */
@ObjectType({ description: 'A local group that applies for money, from a registered charity to a mutual-aid group.' })
@Entity()
export class ApplicantGroup extends BaseEntity {
  @Field()
  @Property({ length: 200 })
  name!: string;

  @Field(() => LegalForm)
  @Enum({ items: () => LegalForm, nativeEnumName: 'legal_form' })
  legalForm!: LegalForm;

  @Field({ nullable: true })
  @Property({ length: 20, nullable: true })
  charityNumber?: string;

  @Field({ nullable: true })
  @Property({ length: 20, nullable: true })
  companyNumber?: string;

  @Property({ length: 8, nullable: true })
  postcode?: string;

  @Property({ length: 120 })
  contactName!: string;

  @Property({ length: 254 })
  contactEmail!: string;

  @Property({ length: 30, nullable: true })
  contactPhone?: string;

  // An unconstituted group names a host organisation that holds the money, or two members and a
  // referee from a constituted local organisation.
  @Property({ length: 200, nullable: true })
  hostName?: string;

  @Property({ length: 120, nullable: true })
  hostContactName?: string;

  @Property({ length: 254, nullable: true })
  hostEmail?: string;

  @Property({ type: 'text[]', nullable: true })
  memberNames?: string[];

  @Property({ length: 120, nullable: true })
  refereeName?: string;

  @Property({ length: 200, nullable: true })
  refereeOrganisation?: string;

  @Property({ length: 254, nullable: true })
  refereeEmail?: string;
}
