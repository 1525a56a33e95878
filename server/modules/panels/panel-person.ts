import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Who scored or stood aside, as the rest of the panel sees them: a name, and no contact details
 * (community panellists read these too).
 */
@ObjectType({ description: 'A person on the panel, by name.' })
export class PanelPerson {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}
