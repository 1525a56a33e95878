import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { canOnOpenData } from '../../policies/open-data.policy.ts';
import { Fund } from '../funds/fund.entity.ts';
import { defaultPublisherPrefix } from './grant-package.ts';
import { grantCount, publisherPrefixOf, setPublisherPrefix } from './open-data.service.ts';
import { PUBLISHER_PREFIX_MAX } from './three-sixty-giving-codes.ts';

@ObjectType({ description: "The fund's grants as open data in the 360Giving Data Standard, for the people who may export them." })
export class OpenDataExport {
  @Field({ description: "The 360Giving publisher prefix that starts every identifier in the export: the one 360Giving issued the fund, or the default." })
  prefix!: string;

  @Field({ description: "The prefix used until a coordinator sets the fund's own: 360G- and the fund's short name." })
  defaultPrefix!: string;

  @Field({ description: 'True while the export uses the default prefix rather than one 360Giving issued.' })
  prefixIsDefault!: boolean;

  @Field(() => Int, { description: 'How many grants the export holds: every grant made when a meeting closed.' })
  grantCount!: number;

  @Field({ description: 'Where to download the grant package as JSON.' })
  jsonPath!: string;

  @Field({ description: 'Where to download the grants as CSV, in the 360Giving spreadsheet layout.' })
  csvPath!: string;

  @Field({ description: 'Whether the signed-in person may set the prefix (coordinators).' })
  canSetPrefix!: boolean;
}

@InputType({ description: "Sets the fund's 360Giving publisher prefix." })
class SetOpenDataPrefixInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a fund.' }) fundId!: string;

  @Field({ nullable: true, description: 'The prefix 360Giving issued, like 360G-RiverdaleFund; empty goes back to the default.' })
  @IsOptional()
  @MaxLength(PUBLISHER_PREFIX_MAX, { message: `Use ${PUBLISHER_PREFIX_MAX} characters or fewer.` })
  prefix?: string;
}

@Resolver(() => Fund)
export class FundOpenDataResolver {
  @FieldResolver(() => OpenDataExport, { nullable: true, description: "Exporting the fund's grants as 360Giving open data; empty for people who may not (only coordinators and funder officers may)." })
  async openData(@Root() fund: Fund, @Ctx() { em, viewer }: Context): Promise<OpenDataExport | null> {
    if (!canOnOpenData(viewer, 'export', fund)) return null;
    const base = `/funds/${fund.id}/open-data/grants`;
    return {
      prefix: publisherPrefixOf(fund),
      defaultPrefix: defaultPublisherPrefix(fund),
      prefixIsDefault: !fund.openDataPrefix,
      grantCount: await grantCount(em, fund),
      jsonPath: `${base}.json`,
      csvPath: `${base}.csv`,
      canSetPrefix: canOnOpenData(viewer, 'setPrefix', fund),
    };
  }

  @Authorized()
  @Mutation(() => Fund, { description: "Sets the fund's 360Giving publisher prefix, or with none goes back to the default. Coordinators only." })
  setOpenDataPrefix(@Arg('input') input: SetOpenDataPrefixInput, @Ctx() { em, viewer }: Context) {
    return setPublisherPrefix(em, viewer, input);
  }
}
