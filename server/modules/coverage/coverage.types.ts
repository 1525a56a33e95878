import { IsDateString, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AreaKind } from '../../../shared/domain.ts';
import { Priority } from '../taxonomy/priority.entity.ts';

// Sums of pence over many grants pass GraphQL's 32-bit Int (£21 million), so they travel as Float:
// always whole pence, exact up to 2^53.

@InputType({ description: 'Which grants a coverage map counts. Every filter is optional; together they all apply.' })
export class CoverageFilter {
  @Field(() => ID, { nullable: true, description: 'Only grants from applications to this phase.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a phase of the fund.' })
  phaseId?: string | null;

  @Field(() => String, { nullable: true, description: "Only grants tagged with this theme (a THEME priority's key)." })
  @IsOptional()
  @MaxLength(60)
  priority?: string | null;

  @Field(() => String, { nullable: true, description: "Only grants tagged with this community (a COMMUNITY priority's key)." })
  @IsOptional()
  @MaxLength(60)
  community?: string | null;

  @Field(() => ID, { nullable: true, description: "Only money drawn from this funder's contributions: the grants it paid towards, and only its share of each." })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a funder of the fund.' })
  funderId?: string | null;

  @Field(() => String, { nullable: true, description: 'Awarded on or after this day (YYYY-MM-DD, Europe/London).' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'Enter the first day like 2026-11-23.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter the first day like 2026-11-23.' })
  awardedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Awarded on or before this day (YYYY-MM-DD, Europe/London).' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'Enter the last day like 2026-11-23.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter the last day like 2026-11-23.' })
  awardedTo?: string | null;
}

@ObjectType({ description: 'How many grants and how much money (pence).' })
export class CoverageFigures {
  @Field(() => Int) grantCount!: number;
  @Field(() => Float, { description: 'Pence, whole.' }) pence!: number;
}

@ObjectType({ description: "One area's figures on a coverage map." })
export class CoverageArea {
  @Field() code!: string;
  @Field({ description: 'The official name; the code when no file has named it.' }) name!: string;
  @Field(() => AreaKind) kind!: AreaKind;
  @Field(() => Int, { description: "Grants placed here, wholly or in part (a grant serving several areas counts in each)." }) grantCount!: number;
  @Field(() => Float, { description: 'Money placed here (pence, whole): each grant shared equally among the areas it serves.' }) pence!: number;
  @Field(() => Int, { nullable: true, description: "People living here: an LSOA's own figure, a ward's or local authority's the sum of its LSOAs' unless it has its own." }) population!: number | null;
  @Field(() => Float, { nullable: true, description: 'Money per head (pence); empty without a population.' }) pencePerHead!: number | null;
  @Field(() => Int, { nullable: true, description: 'IMD 2019 decile (1 most deprived). For a ward or local authority without its own, the decile of its LSOAs\u2019 population-weighted mean rank.' }) imdDecile!: number | null;
  @Field({ description: "True when the decile is worked out from the area's LSOAs rather than published for it." }) imdDecileDerived!: boolean;
  @Field(() => Float, { nullable: true, description: 'Area in km², from the boundary (or its LSOAs\u2019).' }) areaKm2!: number | null;
  @Field(() => Float, { nullable: true }) peoplePerKm2!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'An LSOA: rural when it has fewer people per km² than ruralPeoplePerKm2. A ward or local authority: rural when at least half its people live in rural LSOAs. Empty when not known.' }) rural!: boolean | null;
  @Field(() => Float, { nullable: true, description: 'For a ward or local authority, the share of its people (0 to 1) living in rural LSOAs.' }) ruralPopulationShare!: number | null;
  @Field(() => Int, { description: 'External grants placed here by their postcode.' }) externalGrantCount!: number;
  @Field(() => Float, { description: 'External grants\u2019 money placed here (pence, whole).' }) externalPence!: number;
}

@ObjectType({ description: 'Where grants went, at one level: in the areas, and what was left out of them and why.' })
export class CoverageTotals {
  @Field(() => CoverageFigures, { description: 'Every grant the filters count.' }) all!: CoverageFigures;
  @Field(() => CoverageFigures, { description: 'Placed in the areas of this level (each grant once).' }) inAreas!: CoverageFigures;
  @Field(() => CoverageFigures, { description: 'Serving a larger area than this level (a whole ward or local authority): not divided among its smaller areas, so left out here.' }) wider!: CoverageFigures;
  @Field(() => CoverageFigures, { description: "Placed outside the fund's areas." }) outside!: CoverageFigures;
  @Field(() => CoverageFigures, { description: 'Not placeable at this level: naming areas the portal does not hold (for external grants, a postcode not in the lookup), or an LSOA whose ward is not known.' }) unplaced!: CoverageFigures;
  @Field(() => CoverageFigures, { description: 'Naming no area at all (for external grants: no postcode published).' }) noArea!: CoverageFigures;
}

@ObjectType({ description: 'Other funders\u2019 published grants imported into the fund, placed by their postcode.' })
export class ExternalCoverage {
  @Field(() => CoverageTotals) totals!: CoverageTotals;
  @Field(() => Int, { description: 'Grants in another currency than pounds, left out of the money.' }) otherCurrencyCount!: number;
}

@ObjectType({ description: 'Money per head and how many areas, for a group of areas (rural or urban).' })
export class AreaGroupFigures {
  @Field(() => Int) areaCount!: number;
  @Field(() => Int, { description: 'Areas in the group with no grant.' }) unfundedCount!: number;
  @Field(() => Float) population!: number;
  @Field(() => Float, { description: 'Pence, whole.' }) pence!: number;
  @Field(() => Float, { nullable: true, description: 'Pence per head; empty without people.' }) pencePerHead!: number | null;
}

@ObjectType({ description: 'Rural areas against urban ones.' })
export class RuralGap {
  @Field(() => AreaGroupFigures) rural!: AreaGroupFigures;
  @Field(() => AreaGroupFigures) urban!: AreaGroupFigures;
  @Field(() => Int, { description: 'Areas whose population or size is not known, so neither.' }) unknownCount!: number;
  @Field(() => [CoverageArea], { description: 'Rural areas with no grant, most people first.' }) unfunded!: CoverageArea[];
  @Field(() => [CoverageArea], { description: 'Rural areas with some money but little (below littlePencePerHead), least per head first.' }) little!: CoverageArea[];
}

@ObjectType({ description: 'A community of the taxonomy against the money and grants that reached it.' })
export class CommunityCoverage {
  @Field(() => Priority) priority!: Priority;
  @Field(() => Int) grantCount!: number;
  @Field(() => Float, { description: 'Pence, whole. A grant for two communities counts under both.' }) pence!: number;
}

@ObjectType({ description: 'Gaps the panel can act on, at the level of the map.' })
export class CoverageGaps {
  @Field(() => [CoverageArea], { description: 'Areas in the most deprived deciles (1 and 2) with no money or little (below littlePencePerHead), least per head first.' }) deprived!: CoverageArea[];
  @Field(() => RuralGap) rural!: RuralGap;
  @Field(() => [CommunityCoverage], { description: 'Every community in the taxonomy (retired ones only when funded), with its money and grants, none included. The community filter does not apply.' }) communities!: CommunityCoverage[];
  @Field(() => CoverageFigures, { description: 'Grants tagged with no community.' }) noCommunity!: CoverageFigures;
}

@ObjectType({ description: 'An area the fund lists: the map covers it and the areas inside it.' })
export class CoverageFundArea {
  @Field() code!: string;
  @Field({ description: 'The official name; the code when the portal holds no area of that code.' }) name!: string;
  @Field(() => AreaKind, { nullable: true }) kind!: AreaKind | null;
}

@ObjectType({ description: 'Where the fund\u2019s grants went, area by area at one level, against population and need, with the gaps.' })
export class Coverage {
  @Field(() => ID) fundId!: string;
  @Field(() => AreaKind) level!: AreaKind;
  @Field(() => [CoverageFundArea], { description: 'The areas the fund lists (Fund.areaCodes); the map covers them and the areas inside them.' }) fundAreas!: CoverageFundArea[];
  @Field(() => [CoverageArea], { description: "The fund's areas of the level, by code." }) areas!: CoverageArea[];
  // areaTable: the same areas as one JSON table, resolved from `areas` (CoverageResolver).
  @Field(() => CoverageTotals) grants!: CoverageTotals;
  @Field(() => ExternalCoverage) external!: ExternalCoverage;
  @Field(() => Float, { description: 'An area with fewer people than this per km² counts as rural.' }) ruralPeoplePerKm2!: number;
  @Field(() => Float, { nullable: true, description: 'The median money per head (pence) among the areas that have any.' }) medianPencePerHead!: number | null;
  @Field(() => Float, { nullable: true, description: 'Below this money per head (pence), a quarter of the median, an area has little.' }) littlePencePerHead!: number | null;
  @Field(() => CoverageGaps) gaps!: CoverageGaps;
}

@ObjectType({ description: 'A grant listed for one area of the coverage map.' })
export class CoverageGrant {
  @Field(() => ID) id!: string;
  @Field({ description: 'The application reference.' }) reference!: string;
  @Field() groupName!: string;
  @Field() title!: string;
  @Field() phaseName!: string;
  @Field(() => Int, { description: 'The whole grant (pence).' }) amountPence!: number;
  @Field(() => Int, { description: "What the filters count of it (pence): all of it, or the filtered funder's share." }) countedPence!: number;
  @Field(() => Int, { description: 'The part counted in this area (pence); 0 for a grant serving a larger area.' }) pencePlacedHere!: number;
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) awardedOn!: string;
}

@ObjectType({ description: 'An external grant placed in one area by its postcode.' })
export class CoverageExternalGrant {
  @Field(() => ID) id!: string;
  @Field() recipientName!: string;
  @Field() title!: string;
  @Field() funderName!: string;
  @Field(() => Float, { description: 'Pence, whole.' }) amountPence!: number;
  @Field({ description: 'YYYY-MM-DD' }) awardedOn!: string;
}

@ObjectType({ description: 'The grants behind one area of the coverage map.' })
export class CoverageAreaGrants {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => AreaKind) kind!: AreaKind;
  @Field(() => [CoverageGrant], { description: 'Grants counted in the area, newest first.' }) grants!: CoverageGrant[];
  @Field(() => [CoverageGrant], { description: 'Grants serving the whole ward or local authority that holds the area: not in its figures, as they are not divided among smaller areas.' }) widerGrants!: CoverageGrant[];
  @Field(() => [CoverageExternalGrant], { description: 'External grants placed in the area by their postcode.' }) externalGrants!: CoverageExternalGrant[];
}

@ObjectType({ description: "The boundaries of a coverage map's areas, simplified for drawing in the browser." })
export class CoverageBoundaries {
  @Field(() => AreaKind) level!: AreaKind;
  @Field({ description: 'Changes whenever a boundary does: a client may keep the collection until then.' }) version!: string;
  @Field(() => GraphQLJSONObject, { description: 'A GeoJSON FeatureCollection in longitude and latitude, wound as d3-geo draws it; each feature has the area code as its id and { code, name } as properties.' }) featureCollection!: Record<string, unknown>;
  @Field(() => Int, { description: 'Areas of the map with no boundary, which cannot be drawn.' }) withoutBoundary!: number;
}
